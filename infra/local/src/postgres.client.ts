import { Client } from 'pg';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/** Hides the password when a URL is printed. */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Null when a server accepts the connection, else the reason it did not. */
export async function connectError(url: string): Promise<string | null> {
  try {
    await withClient(url, (client) => client.query('select 1'));
    return null;
  } catch (error) {
    return error instanceof Error
      ? error.message || (error as NodeJS.ErrnoException).code || 'error'
      : String(error);
  }
}

/** Creates the database named in `url` when it does not exist, through the server's "postgres" database. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseOf(url);
  await withClient(withDatabase(url, 'postgres'), async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  });
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseOf(url);
  await withClient(withDatabase(url, 'postgres'), (client) =>
    client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`),
  );
}

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate } from '../migrate';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** The server tests create their databases on: DATABASE_URL, else the local PostgreSQL. */
export const maintenanceUrl = () => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database for one test file, so files run in parallel without sharing rows. */
export async function createTestDatabase(prefix = 'pw_t'): Promise<TestDatabase> {
  const admin = maintenanceUrl();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(admin, (c) => c.query(`create database "${name}"`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    name,
    drop: () =>
      withClient(admin, (c) => c.query(`drop database if exists "${name}" with (force)`)).then(
        () => undefined,
      ),
  };
}

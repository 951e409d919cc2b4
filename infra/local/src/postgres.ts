import type { ServicePlan } from './config';
import type { LogSink } from './log';
import { connectError, ensureDatabase, redact, withDatabase } from './postgres.client';
import { startEmbeddedPostgres } from './postgres.embedded';
import type { Supervisor } from './processes';

export interface PostgresService {
  /** Connection string of the application database (created if it was missing). */
  url: string;
  origin: 'configured' | 'local' | 'embedded';
}

export const DEFAULT_DATABASE = 'pathways';

export interface PostgresOptions {
  plan: ServicePlan;
  dataDir: string;
  /** Overrides the database name (the configured URL's, or "pathways"). */
  database?: string;
  /** Owner of the embedded server, which it stops last. */
  supervisor: Supervisor;
  log: LogSink;
}

/** Finds or starts a PostgreSQL server, as planned from the environment, and makes sure the database exists. */
export async function obtainPostgres({
  plan,
  dataDir,
  database,
  supervisor,
  log,
}: PostgresOptions): Promise<PostgresService> {
  if (plan.kind === 'url') {
    const url = database ? withDatabase(plan.url, database) : plan.url;
    const problem = await connectError(withDatabase(url, 'postgres'));
    if (problem) throw new Error(`DATABASE_URL (${redact(url)}) cannot be reached: ${problem}`);
    await ensureDatabase(url);
    return { url, origin: 'configured' };
  }
  if (plan.kind === 'probe') {
    const server = `postgres://postgres@${plan.probe.host}:${plan.probe.port}/postgres`;
    const problem = await connectError(server);
    if (!problem) {
      const url = withDatabase(server, database ?? DEFAULT_DATABASE);
      await ensureDatabase(url);
      return { url, origin: 'local' };
    }
    log(
      'start',
      `no usable PostgreSQL on ${plan.probe.host}:${plan.probe.port} (${problem}); starting an embedded one`,
    );
  } else {
    log('start', `starting an embedded PostgreSQL (${plan.reason})`);
  }
  const embedded = await startEmbeddedPostgres(dataDir, supervisor, log);
  const server = `postgres://${embedded.user}:${encodeURIComponent(embedded.password)}@127.0.0.1:${embedded.port}/postgres`;
  const url = withDatabase(server, database ?? DEFAULT_DATABASE);
  await ensureDatabase(url);
  log('start', `embedded PostgreSQL 15 is up on 127.0.0.1:${embedded.port} (data in ${dataDir}/postgres)`);
  return { url, origin: 'embedded' };
}

import type { StackConfig } from './config';
import { type LogSink, prefixedConsole } from './log';
import { obtainPostgres, type PostgresService } from './postgres';
import { describeExit, Supervisor } from './processes';
import { obtainRedis, type RedisService } from './redis';

export interface Services {
  postgres: PostgresService;
  redis: RedisService;
  /** Stops whichever of the two we started (the supervisor's children). */
  stop(): Promise<void>;
}

export interface ServicesOptions {
  config: StackConfig;
  /** Overrides the database name (default: the configured one, or "pathways"). */
  database?: string;
  log?: LogSink;
  /** Owner of a redis-server we start; when absent, a private one is made. */
  supervisor?: Supervisor;
}

/**
 * PostgreSQL and Redis with the same precedence as `npm start` (configured URL, local server,
 * else our own), for callers that run tests rather than the apps.
 */
export async function obtainServices(options: ServicesOptions): Promise<Services> {
  const log = options.log ?? prefixedConsole;
  const supervisor =
    options.supervisor ?? new Supervisor(log, (info) => log('start', `${describeExit(info)} unexpectedly`));
  const { config } = options;
  try {
    const postgres = await obtainPostgres({
      plan: config.postgres,
      dataDir: config.dataDir,
      database: options.database,
      supervisor,
      log,
    });
    const redis = await obtainRedis({ plan: config.redis, dataDir: config.dataDir, supervisor, log });
    return { postgres, redis, stop: () => supervisor.stopAll() };
  } catch (error) {
    await supervisor.stopAll();
    throw error;
  }
}

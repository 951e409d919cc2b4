import { z } from 'zod';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export const RedisUrl = z
  .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
  .refine((u) => /^\/?\d*$/.test(new URL(u).pathname), 'the path may only be a database number');

/**
 * `worker`: BullMQ workers block on Redis and must retry forever (`maxRetriesPerRequest: null`).
 * `client`: producers and readiness checks should fail a command after a short reconnect instead.
 */
export type RedisRole = 'worker' | 'client';

/** The subset of ioredis options we set: accepted both by `new Redis()` and BullMQ's `connection`. */
export interface RedisConnectionOptions {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: Record<string, never>;
  maxRetriesPerRequest: number | null;
  /** Shown by CLIENT LIST, so an operator can tell the api's connections from the worker's. */
  connectionName?: string;
}

/** Connection options from a redis:// or rediss:// URL. */
export function redisConnectionOptions(
  url: string,
  role: RedisRole = 'client',
  connectionName?: string,
): RedisConnectionOptions {
  const u = new URL(RedisUrl.parse(url));
  const db = u.pathname.replace('/', '');
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: role === 'worker' ? null : 2,
    ...(connectionName ? { connectionName } : {}),
  };
}

import type { RedisOptions } from 'ioredis';
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

/** ioredis options (also accepted by BullMQ's `connection`) from a redis:// or rediss:// URL. */
export function redisConnectionOptions(url: string, role: RedisRole = 'client'): RedisOptions {
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
  };
}

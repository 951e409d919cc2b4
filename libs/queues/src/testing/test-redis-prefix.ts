import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { DEFAULT_REDIS_URL } from '../redis.connection';

export interface TestRedisPrefix {
  url: string;
  prefix: string;
  /** Deletes every key under the prefix. */
  drop(): Promise<void>;
}

/** A fresh key prefix on the real Redis (REDIS_URL or the local one) for one test file. */
export function createTestRedisPrefix(name = 'pw_t'): TestRedisPrefix {
  const url = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  const prefix = `${name}_${randomBytes(6).toString('hex')}`;
  return { url, prefix, drop: () => deleteKeysWithPrefix(url, prefix) };
}

export async function deleteKeysWithPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  try {
    const stream = redis.scanStream({ match: `${prefix}:*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length) await redis.unlink(...keys);
    }
  } finally {
    await redis.quit();
  }
}

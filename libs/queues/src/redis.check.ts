import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { redisConnectionOptions } from './redis.connection';

/**
 * Pings Redis until it answers or `timeoutMs` passes, so a process fails at boot with one clear
 * line instead of retrying in the background forever. The message names host:port, never the password.
 */
export async function waitForRedis(url: string, timeoutMs = 10_000): Promise<void> {
  const options = redisConnectionOptions(url);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const redis = new Redis({
      ...options,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    let cause: Error | undefined; // connect() only says "Connection is closed"; the event says why
    redis.on('error', (err: Error) => (cause = err));
    try {
      await redis.connect();
      await redis.ping();
      return;
    } catch (err) {
      if (Date.now() + 500 >= deadline) {
        const reason = cause ?? (err as Error);
        throw new Error(
          `Redis at ${options.host}:${options.port} did not answer within ${timeoutMs} ms: ${reason.message}`,
          { cause: err },
        );
      }
    } finally {
      redis.disconnect();
    }
    await sleep(500);
  }
}

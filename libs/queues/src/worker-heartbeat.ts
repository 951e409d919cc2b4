import type { Redis } from 'ioredis';
import { prefixedKey } from './redis.prefix';

/** `<prefix>:worker:heartbeat` holds the ISO time of the last processed heartbeat job. */
export const workerHeartbeatKey = (prefix: string) => prefixedKey(prefix, 'worker', 'heartbeat');
/** `<prefix>:worker:heartbeat:worker` holds the id of the worker that processed it. */
export const workerHeartbeatWorkerKey = (prefix: string) =>
  prefixedKey(prefix, 'worker', 'heartbeat', 'worker');

export async function writeWorkerHeartbeat(
  redis: Redis,
  prefix: string,
  at: Date,
  workerId: string,
): Promise<void> {
  await redis
    .multi()
    .set(workerHeartbeatKey(prefix), at.toISOString())
    .set(workerHeartbeatWorkerKey(prefix), workerId)
    .exec();
}

/** When a worker last processed a heartbeat job, or null if none ever did (or the value is garbage). */
export async function readWorkerHeartbeat(redis: Redis, prefix: string): Promise<Date | null> {
  const value = await redis.get(workerHeartbeatKey(prefix));
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultJobOptions } from './job.options';
import { enqueueHeartbeat, QueueProducer } from './queue.producer';
import { QueueName } from './queue.names';
import { waitForRedis } from './redis.check';
import { redisConnectionOptions } from './redis.connection';
import { createTestRedisPrefix } from './testing';
import { readWorkerHeartbeat, workerHeartbeatKey, writeWorkerHeartbeat } from './worker-heartbeat';

const t = createTestRedisPrefix();
const connection = redisConnectionOptions(t.url);
let producer: QueueProducer;
let redis: Redis;

beforeAll(() => {
  producer = new QueueProducer({ connection, prefix: t.prefix });
  redis = new Redis(connection);
});

afterAll(async () => {
  await producer.close();
  await t.drop();
  expect(await redis.keys(`${t.prefix}:*`)).toEqual([]);
  await redis.quit();
});

describe('QueueProducer (real Redis)', () => {
  it('adds a validated job under the prefix with the default options', async () => {
    const job = await enqueueHeartbeat(producer, 'test');
    expect(job.data).toEqual({ source: 'test' });
    expect(job.opts).toMatchObject(defaultJobOptions);
    expect(await redis.exists(`${t.prefix}:${QueueName.Heartbeat}:${job.id}`)).toBe(1);
  });

  it('adds a job id only once, so a relayed outbox row cannot run twice', async () => {
    const first = await enqueueHeartbeat(producer, 'test', { jobId: 'outbox-7f3a' });
    const second = await enqueueHeartbeat(producer, 'other', { jobId: 'outbox-7f3a' });
    expect(second.id).toBe(first.id);
    const stored = await producer.queue(QueueName.Heartbeat).getJob('outbox-7f3a');
    expect(stored?.data).toEqual({ source: 'test' });
  });
});

describe('worker heartbeat key', () => {
  it('reads back what was written, and null for garbage', async () => {
    const at = new Date('2030-01-02T03:04:05.678Z');
    await writeWorkerHeartbeat(redis, t.prefix, at, 'w-1');
    expect(await readWorkerHeartbeat(redis, t.prefix)).toEqual(at);
    await redis.set(workerHeartbeatKey(t.prefix), 'not a date');
    expect(await readWorkerHeartbeat(redis, t.prefix)).toBeNull();
  });
});

describe('waitForRedis', () => {
  it('resolves against a live Redis', async () => {
    await expect(waitForRedis(t.url, 2_000)).resolves.toBeUndefined();
  });

  it('names host and port, not the password, when nothing answers', async () => {
    await expect(waitForRedis('redis://:hunter2@127.0.0.1:1', 600)).rejects.toThrow(
      /^Redis at 127\.0\.0\.1:1 did not answer within 600 ms: connect ECONNREFUSED/,
    );
    await expect(waitForRedis('redis://:hunter2@127.0.0.1:1', 0)).rejects.not.toThrow(/hunter2/);
  });
});

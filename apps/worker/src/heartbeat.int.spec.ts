import { MikroORM } from '@mikro-orm/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import { createTestDatabase, type TestDatabase } from '@pathways/persistence/testing';
import {
  createTestRedisPrefix,
  enqueueHeartbeat,
  HEARTBEAT_SCHEDULER_ID,
  type HeartbeatResult,
  jobRegistry,
  QueueName,
  QueueProducer,
  readWorkerHeartbeat,
  redisConnectionOptions,
  workerHeartbeatWorkerKey,
} from '@pathways/queues';
import { type Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HeartbeatProcessor } from './heartbeat.processor';
import { JobHandlerError } from './job-handlers.check';
import { createWorkerApp } from './worker.app';
import { parseWorkerConfig } from './worker.config';
import { createWorkerLogger } from './worker.logger';
import { WorkerModule } from './worker.module';
import { WorkerRedis } from './worker.redis';

const t = createTestRedisPrefix();
let db: TestDatabase;
const config = () =>
  parseWorkerConfig({
    DATABASE_URL: db.url,
    REDIS_URL: t.url,
    REDIS_PREFIX: t.prefix,
    WORKER_ID: 'int-test-worker',
    // Long enough that only the scheduler's first, immediate beat runs during the test.
    HEARTBEAT_INTERVAL_MS: '3600000',
  });
const connection = redisConnectionOptions(t.url);
const lines: string[] = [];
const logger = createWorkerLogger('info', { write: (line: string) => void lines.push(line) });

let app: Awaited<ReturnType<typeof createWorkerApp>> | undefined;
let producer: QueueProducer;
let events: QueueEvents;
let redis: Redis;

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis(connection);
  producer = new QueueProducer({ connection, prefix: t.prefix });
  // QueueEvents blocks on Redis like a worker does.
  events = new QueueEvents(QueueName.Heartbeat, {
    connection: redisConnectionOptions(t.url, 'worker'),
    prefix: t.prefix,
  });
  await events.waitUntilReady();
});

afterAll(async () => {
  await app?.close();
  await Promise.all([producer?.close(), events?.close()]);
  await redis?.quit();
  await t.drop();
  await db?.drop();
});

describe('worker heartbeat (real Redis)', () => {
  it('has no heartbeat before a worker ran', async () => {
    expect(await readWorkerHeartbeat(redis, t.prefix)).toBeNull();
  });

  it('boots, logs "worker ready" and upserts the heartbeat scheduler under its fixed id', async () => {
    app = await createWorkerApp(config(), { logger });
    expect(lines.map((l) => JSON.parse(l).msg)).toContain('worker ready');
    const scheduler = await producer.queue(QueueName.Heartbeat).getJobScheduler(HEARTBEAT_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ key: HEARTBEAT_SCHEDULER_ID, name: 'beat', every: 3_600_000 });
    expect(app.get(HeartbeatProcessor).worker.isRunning()).toBe(true);
  });

  it('processes a heartbeat enqueued through the producer and records it in Redis', async () => {
    const before = Date.now();
    const job = await enqueueHeartbeat(producer, 'test');
    const result = (await job.waitUntilFinished(events, 10_000)) as HeartbeatResult;

    expect(result).toMatchObject({ source: 'test', workerId: 'int-test-worker' });
    expect(Date.parse(result.at)).toBeGreaterThanOrEqual(before);
    const at = await readWorkerHeartbeat(redis, t.prefix);
    expect(at?.getTime()).toBeGreaterThanOrEqual(Date.parse(result.at));
    expect(await redis.get(workerHeartbeatWorkerKey(t.prefix))).toBe('int-test-worker');
    expect(await job.getState()).toBe('completed');
  });

  it('sends a job with a bad payload to the failed set, naming the field, without retries', async () => {
    // Straight onto the queue: the producer would have refused this payload.
    const job = await producer.queue(QueueName.Heartbeat).add('beat', { source: 42 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(
      'Invalid payload for heartbeat/beat: source: Invalid input: expected string, received number',
    );

    const failed = await producer.queue(QueueName.Heartbeat).getFailed();
    const stored = failed.find((j) => j.id === job.id);
    expect(stored?.failedReason).toMatch(/source: /);
    expect(stored?.attemptsMade).toBe(1);
    expect(stored?.opts.attempts).toBe(5);
    // The worker survived: the next good job still completes.
    await expect(
      (await enqueueHeartbeat(producer, 'test')).waitUntilFinished(events, 10_000),
    ).resolves.toMatchObject({
      source: 'test',
    });
  });

  it('fails a job name that has no handler', async () => {
    const job = await producer.queue(QueueName.Heartbeat).add('unknown-job', { source: 'test' });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(
      'No handler for job heartbeat/unknown-job',
    );
  });

  it('refuses to boot, before starting any BullMQ worker, when a registered job has no handler', async () => {
    const registry = { ...jobRegistry, review: { assign: z.object({ reviewId: z.uuid() }) } };
    const moduleRef = await Test.createTestingModule({
      imports: [WorkerModule.forRoot(config(), { logger, registry })],
    }).compile();
    const boot = moduleRef.init();
    await expect(boot).rejects.toThrow(JobHandlerError);
    await expect(boot).rejects.toThrow('Job registry and processors disagree: no handler for review/assign');
    expect(() => moduleRef.get(HeartbeatProcessor).worker).toThrow(/not yet been initialized/);
    // Nest's close() rethrows the failed init, so release the connections by hand.
    await moduleRef.get<Queue>(getQueueToken(QueueName.Heartbeat)).close();
    await moduleRef.get(WorkerRedis).onApplicationShutdown();
    await moduleRef.get(MikroORM).close();
  });
});

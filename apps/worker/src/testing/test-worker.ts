import { createTestDatabase, type TestDatabase } from '@pathways/persistence/testing';
import {
  createTestRedisPrefix,
  type QueueName,
  QueueProducer,
  redisConnectionOptions,
} from '@pathways/queues';
import type { INestApplicationContext } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { createWorkerApp } from '../worker.app';
import { parseWorkerConfig } from '../worker.config';
import { createWorkerLogger } from '../worker.logger';

export interface TestWorker {
  /** The worker's Nest context, to call its services directly (e.g. a timer with a given `now`). */
  app: INestApplicationContext;
  db: TestDatabase;
  producer: QueueProducer;
  /** Completion events of the queue under test, for `job.waitUntilFinished`. */
  events: QueueEvents;
  close(): Promise<void>;
}

/**
 * The real worker on its own database and Redis prefix, with a producer and the events of one
 * queue. `env` adds settings (e.g. SMTP_URL); the heartbeat scheduler stays quiet.
 */
export async function startTestWorker(
  queue: QueueName,
  env: Record<string, string> = {},
): Promise<TestWorker> {
  const redis = createTestRedisPrefix();
  const db = await createTestDatabase();
  const producer = new QueueProducer({ connection: redisConnectionOptions(redis.url), prefix: redis.prefix });
  const events = new QueueEvents(queue, {
    connection: redisConnectionOptions(redis.url, 'worker'),
    prefix: redis.prefix,
  });
  await events.waitUntilReady();
  const config = parseWorkerConfig({
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    HEARTBEAT_INTERVAL_MS: '3600000',
    ...env,
  });
  const app = await createWorkerApp(config, { logger: createWorkerLogger('silent') });
  return {
    app,
    db,
    producer,
    events,
    async close() {
      await app.close();
      await Promise.all([producer.close(), events.close()]);
      await redis.drop();
      await db.drop();
    },
  };
}

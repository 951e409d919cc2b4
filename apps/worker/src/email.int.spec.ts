import { createTestDatabase, type TestDatabase } from '@pathways/persistence/testing';
import {
  createTestRedisPrefix,
  NotificationJob,
  QueueName,
  QueueProducer,
  redisConnectionOptions,
} from '@pathways/queues';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpCapture, startSmtpCapture } from './testing/smtp-capture';
import { createWorkerApp } from './worker.app';
import { parseWorkerConfig } from './worker.config';
import { createWorkerLogger } from './worker.logger';

const t = createTestRedisPrefix();
let db: TestDatabase;
let smtp: SmtpCapture;
let app: Awaited<ReturnType<typeof createWorkerApp>> | undefined;
let producer: QueueProducer;
let events: QueueEvents;

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startSmtpCapture();

  const connection = redisConnectionOptions(t.url);
  producer = new QueueProducer({ connection, prefix: t.prefix });
  events = new QueueEvents(QueueName.Notifications, {
    connection: redisConnectionOptions(t.url, 'worker'),
    prefix: t.prefix,
  });
  await events.waitUntilReady();
  const config = parseWorkerConfig({
    DATABASE_URL: db.url,
    REDIS_URL: t.url,
    REDIS_PREFIX: t.prefix,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Pathways <no-reply@pathways.test>',
    HEARTBEAT_INTERVAL_MS: '3600000',
  });
  app = await createWorkerApp(config, { logger: createWorkerLogger('silent') });
});

afterAll(async () => {
  await app?.close();
  await Promise.all([producer?.close(), events?.close()]);
  await smtp?.close();
  await t.drop();
  await db?.drop();
});

describe('e-mail notifications (real SMTP, Redis and PostgreSQL)', () => {
  it('sends a queued e-mail over SMTP, once, with a message id from the job', async () => {
    const job = await producer.add(
      QueueName.Notifications,
      NotificationJob.SendEmail,
      {
        to: 'focal@ministry.example',
        subject: 'Su práctica fue recibida',
        text: 'Gracias por compartir su buena práctica.',
        locale: 'es',
      },
      { jobId: 'outbox-row-1' },
    );
    await job.waitUntilFinished(events, 15_000);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(['focal@ministry.example']);
    expect(smtp.received[0].raw).toContain('Message-ID: <outbox-row-1@pathways.notifications>');
    expect(smtp.received[0].raw).toContain('From: Pathways <no-reply@pathways.test>');
  });

  it('refuses a job without a valid address before anything is sent', async () => {
    await expect(
      producer.add(QueueName.Notifications, NotificationJob.SendEmail, {
        to: 'nobody',
        subject: 'x',
        text: 'y',
      } as never),
    ).rejects.toThrow(/to/);
    expect(smtp.received).toHaveLength(1);
  });
});

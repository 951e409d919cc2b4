import { createTestDatabase, type TestDatabase } from '@pathways/persistence/testing';
import {
  createTestRedisPrefix,
  NotificationJob,
  QueueName,
  QueueProducer,
  redisConnectionOptions,
} from '@pathways/queues';
import { QueueEvents } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerApp } from './worker.app';
import { parseWorkerConfig } from './worker.config';
import { createWorkerLogger } from './worker.logger';

interface Received {
  to: string[];
  raw: string;
}

const t = createTestRedisPrefix();
const received: Received[] = [];
let db: TestDatabase;
let smtp: SMTPServer;
let smtpUrl: string;
let app: Awaited<ReturnType<typeof createWorkerApp>> | undefined;
let producer: QueueProducer;
let events: QueueEvents;

beforeAll(async () => {
  db = await createTestDatabase();
  // A real SMTP server on a free port, keeping every message it is given.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const address = smtp.server.address();
  smtpUrl = `smtp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

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
    SMTP_URL: smtpUrl,
    MAIL_FROM: 'Pathways <no-reply@pathways.test>',
    HEARTBEAT_INTERVAL_MS: '3600000',
  });
  app = await createWorkerApp(config, { logger: createWorkerLogger('silent') });
});

afterAll(async () => {
  await app?.close();
  await Promise.all([producer?.close(), events?.close()]);
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
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
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(['focal@ministry.example']);
    expect(received[0].raw).toContain('Message-ID: <outbox-row-1@pathways.notifications>');
    expect(received[0].raw).toContain('From: Pathways <no-reply@pathways.test>');
  });

  it('refuses a job without a valid address before anything is sent', async () => {
    await expect(
      producer.add(QueueName.Notifications, NotificationJob.SendEmail, {
        to: 'nobody',
        subject: 'x',
        text: 'y',
      } as never),
    ).rejects.toThrow(/to/);
    expect(received).toHaveLength(1);
  });
});

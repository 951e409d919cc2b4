import { MikroORM } from '@mikro-orm/postgresql';
import { EmailDelivery, ormConfig } from '@pathways/persistence';
import { NotificationJob, QueueName } from '@pathways/queues';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmailService } from './email.service';
import { mailKey, type SmtpCapture, startSmtpCapture } from './testing/smtp-capture';
import { startTestWorker, type TestWorker } from './testing/test-worker';

let smtp: SmtpCapture;
let worker: TestWorker;
let orm: MikroORM;
let email: EmailService;

const mail = (to = 'focal@ministry.example') => ({
  to,
  subject: 'Su práctica fue recibida',
  text: 'Gracias por compartir su buena práctica.',
  locale: 'es' as const,
});

beforeAll(async () => {
  smtp = await startSmtpCapture();
  worker = await startTestWorker(QueueName.Notifications, {
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Pathways <no-reply@pathways.test>',
  });
  orm = await MikroORM.init(ormConfig({ databaseUrl: worker.db.url, poolMax: 2 }));
  email = worker.app.get(EmailService);
});

afterAll(async () => {
  await orm?.close();
  await worker?.close();
  await smtp?.close();
});

beforeEach(() => {
  smtp.accept = () => true;
});

const log = (key: string) => orm.em.fork().findOne(EmailDelivery, { key });

describe('e-mail notifications (real SMTP, Redis and PostgreSQL)', () => {
  it('sends a queued e-mail over SMTP with a message id from the job, and logs it', async () => {
    const job = await worker.producer.add(QueueName.Notifications, NotificationJob.SendEmail, mail(), {
      jobId: 'outbox-row-1',
    });
    expect(await job.waitUntilFinished(worker.events, 15_000)).toEqual({ sent: 'focal@ministry.example' });
    const sent = smtp.received.filter((m) => mailKey(m) === 'outbox-row-1');
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toEqual(['focal@ministry.example']);
    expect(sent[0].raw).toContain('Message-ID: <outbox-row-1@pathways.notifications>');
    expect(sent[0].raw).toContain('From: Pathways <no-reply@pathways.test>');
    expect(await log('outbox-row-1')).toMatchObject({
      to: 'focal@ministry.example',
      subject: 'Su práctica fue recibida',
      text: 'Gracias por compartir su buena práctica.',
      locale: 'es',
      status: 'sent',
      sentAt: expect.any(Date),
    });
  });

  it('never sends a key twice: a job run again after it completed sends nothing', async () => {
    const first = await worker.producer.add(QueueName.Notifications, NotificationJob.SendEmail, mail(), {
      jobId: 'event-1-decided-user-1',
    });
    await first.waitUntilFinished(worker.events, 15_000);
    // BullMQ forgets completed jobs after a while; the same id can then be added and run again.
    await worker.producer.queue(QueueName.Notifications).remove('event-1-decided-user-1');
    const again = await worker.producer.add(QueueName.Notifications, NotificationJob.SendEmail, mail(), {
      jobId: 'event-1-decided-user-1',
    });
    expect(await again.waitUntilFinished(worker.events, 15_000)).toEqual({
      skipped: 'already sent to focal@ministry.example',
    });
    expect(smtp.received.filter((m) => mailKey(m) === 'event-1-decided-user-1')).toHaveLength(1);
  });

  it('sends once when two attempts with the same key race', async () => {
    const results = await Promise.all([
      email.send('race-key', mail('race@example.org')),
      email.send('race-key', mail('race@example.org')),
      email.send('race-key', mail('race@example.org')),
    ]);
    expect(results.filter((r) => 'sent' in r)).toHaveLength(1);
    expect(results.filter((r) => 'skipped' in r)).toHaveLength(2);
    expect(smtp.received.filter((m) => mailKey(m) === 'race-key')).toHaveLength(1);
    expect(await orm.em.fork().count(EmailDelivery, { key: 'race-key' })).toBe(1);
  });

  it('keeps nothing when SMTP refuses, so the retry sends it', async () => {
    smtp.accept = () => false;
    await expect(email.send('refused-key', mail('later@example.org'))).rejects.toThrow(/451/);
    expect(await log('refused-key')).toBeNull();
    expect(smtp.received.filter((m) => mailKey(m) === 'refused-key')).toHaveLength(0);

    smtp.accept = () => true;
    expect(await email.send('refused-key', mail('later@example.org'))).toEqual({ sent: 'later@example.org' });
    expect(await log('refused-key')).toMatchObject({ status: 'sent' });
    expect(smtp.received.filter((m) => mailKey(m) === 'refused-key')).toHaveLength(1);
  });

  it('refuses a job without a valid address before anything is sent', async () => {
    const before = smtp.received.length;
    await expect(
      worker.producer.add(QueueName.Notifications, NotificationJob.SendEmail, {
        to: 'nobody',
        subject: 'x',
        text: 'y',
      } as never),
    ).rejects.toThrow(/to/);
    await expect(email.send('bad-key', { to: 'nobody', subject: 'x', text: 'y' })).rejects.toThrow(
      /notifications\/send-email: to:/,
    );
    expect(smtp.received).toHaveLength(before);
    expect(await log('bad-key')).toBeNull();
  });
});

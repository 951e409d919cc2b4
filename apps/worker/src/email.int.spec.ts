import { NotificationJob, QueueName } from '@pathways/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpCapture, startSmtpCapture } from './testing/smtp-capture';
import { startTestWorker, type TestWorker } from './testing/test-worker';

let smtp: SmtpCapture;
let worker: TestWorker;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  worker = await startTestWorker(QueueName.Notifications, {
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Pathways <no-reply@pathways.test>',
  });
});

afterAll(async () => {
  await worker?.close();
  await smtp?.close();
});

describe('e-mail notifications (real SMTP, Redis and PostgreSQL)', () => {
  it('sends a queued e-mail over SMTP, once, with a message id from the job', async () => {
    const job = await worker.producer.add(
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
    await job.waitUntilFinished(worker.events, 15_000);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(['focal@ministry.example']);
    expect(smtp.received[0].raw).toContain('Message-ID: <outbox-row-1@pathways.notifications>');
    expect(smtp.received[0].raw).toContain('From: Pathways <no-reply@pathways.test>');
  });

  it('refuses a job without a valid address before anything is sent', async () => {
    await expect(
      worker.producer.add(QueueName.Notifications, NotificationJob.SendEmail, {
        to: 'nobody',
        subject: 'x',
        text: 'y',
      } as never),
    ).rejects.toThrow(/to/);
    expect(smtp.received).toHaveLength(1);
  });
});

import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EmailDelivery } from '@pathways/persistence';
import { NotificationJob, parseJobPayload, QueueName } from '@pathways/queues';
import { MailTransport } from './mail.transport';

export type EmailOutcome = { sent: string } | { skipped: string };

/**
 * Sends each e-mail at most once per idempotency key (the job id: an outbox row id, or
 * `<source>-<notice>-<recipient>`), and keeps it in the mail log that admins read.
 */
@Injectable()
export class EmailService {
  constructor(
    private readonly em: EntityManager,
    private readonly transport: MailTransport,
  ) {}

  /**
   * One transaction claims the key (insert, or lock the row another attempt left), sends, and marks
   * the row sent. A second job with the same key waits on the lock and then finds it sent. An SMTP
   * failure rolls the claim back and throws, so BullMQ retries with backoff.
   */
  async send(key: string, data: unknown): Promise<EmailOutcome> {
    const mail = parseJobPayload(QueueName.Notifications, NotificationJob.SendEmail, data);
    return this.em.fork().transactional(async (em) => {
      await em
        .createQueryBuilder(EmailDelivery)
        .insert({
          id: randomUUID(),
          key,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          locale: mail.locale,
          status: 'sending',
          createdAt: new Date(),
        })
        .onConflict('key')
        .ignore()
        .execute('run');
      const row = await em.findOneOrFail(
        EmailDelivery,
        { key },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (row.status === 'sent') return { skipped: `already sent to ${row.to}` };
      await this.transport.send({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${key}@pathways.notifications>`,
      });
      row.status = 'sent';
      row.sentAt = new Date();
      return { sent: mail.to };
    });
  }
}

import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Locale } from '@pathways/contracts';
import { Notification, type User } from '@pathways/persistence';
import { NotificationJob, QueueName } from '@pathways/queues';
import { OutboxProducer } from './outbox.producer';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

/** One notice to one person, already in their language. */
export interface Notice {
  /** What it is about, e.g. `review_invited`; with `sourceId` and the recipient, unique. */
  kind: string;
  /** What caused it: a workflow event, an assignment, a practice version (a UUID). */
  sourceId: string;
  title: string;
  body: string;
  /** Path in the web app, e.g. `/reviews/<id>`; e-mails carry it as a full address. */
  link: string;
}

/** The e-mail's idempotency key (and job id): the same notice to the same person is one e-mail. */
export const noticeEmailKey = (notice: Pick<Notice, 'kind' | 'sourceId'>, recipientId: string) =>
  `${notice.sourceId}-${notice.kind}-${recipientId}`;

/** The recipient's language, or English for anything else stored. */
export const localeOf = (user: Pick<User, 'locale'>): Locale => Locale.safeParse(user.locale).data ?? 'en';

/** A moment as the recipient reads it: "3 June 2030 at 09:00 UTC", "3 de junio de 2030, 9:00 UTC". */
export function formatWhen(at: Date, locale: Locale): string {
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(at);
  return `${text} UTC`;
}

/**
 * Tells one person something in the app and by e-mail. Both are idempotent, so a handler that runs
 * again (a retry, a re-relayed row, a worker killed midway) tells nobody twice: the in-app row is
 * unique per (recipient, kind, source) and the e-mail job's id is {@link noticeEmailKey}, which the
 * e-mail service records in the mail log before sending.
 */
@Injectable()
export class NoticeSender {
  constructor(
    private readonly producer: OutboxProducer,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  /** Resolves true when the in-app notice is new. */
  async send(em: EntityManager, recipient: User, notice: Notice): Promise<boolean> {
    const rows = await em
      .createQueryBuilder(Notification)
      .insert({
        id: randomUUID(),
        recipient: recipient.id,
        kind: notice.kind,
        sourceId: notice.sourceId,
        title: notice.title,
        body: notice.body,
        link: notice.link,
        createdAt: new Date(),
      })
      .onConflict(['recipient', 'kind', 'sourceId'])
      .ignore()
      .execute('run');
    await this.producer.add(
      QueueName.Notifications,
      NotificationJob.SendEmail,
      {
        to: recipient.email,
        subject: notice.title,
        text: `${notice.body}\n\n${this.config.webUrl}${notice.link}`,
        locale: localeOf(recipient),
      },
      { jobId: noticeEmailKey(notice, recipient.id) },
    );
    return (rows as { affectedRows?: number }).affectedRows === 1;
  }

  /**
   * The same notice, worded per recipient; resolves to how many in-app notices were new. Disabled
   * accounts are left out.
   */
  async sendEach(
    em: EntityManager,
    recipients: readonly User[],
    notice: (recipient: User, locale: Locale) => Notice,
  ): Promise<number> {
    let created = 0;
    for (const recipient of recipients) {
      if (recipient.status !== 'active') continue;
      if (await this.send(em, recipient, notice(recipient, localeOf(recipient)))) created += 1;
    }
    return created;
  }
}

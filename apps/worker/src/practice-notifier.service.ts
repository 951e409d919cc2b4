import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Locale } from '@pathways/contracts';
import { Membership, Notification, Practice, User } from '@pathways/persistence';
import { NotificationJob, parseJobPayload, QueueName } from '@pathways/queues';
import { OutboxProducer } from './outbox.producer';
import { type PracticeNotice, practiceNoticeText } from './practice-notice.text';

type PracticeJob = typeof NotificationJob.PracticeSubmitted | typeof NotificationJob.PracticeDecided;

/**
 * Tells the right people about a practice's transition: an in-app notification each (once, even if
 * the job runs twice) and an e-mail each (a send-email job with a deterministic id).
 */
@Injectable()
export class PracticeNotifier {
  constructor(
    private readonly em: EntityManager,
    private readonly producer: OutboxProducer,
  ) {}

  async handle(job: PracticeJob, data: unknown): Promise<{ notified: number }> {
    const effect = parseJobPayload(QueueName.Notifications, job, data);
    const em = this.em.fork();
    const practice = await em.findOne(Practice, { id: effect.entityId }, { populate: ['currentVersion'] });
    // A practice deleted meanwhile leaves nobody to tell.
    if (!practice) return { notified: 0 };
    const title = String(practice.currentVersion?.getEntity().content?.title ?? practice.slug);
    const authors = await this.authors(em, practice);
    const groups: [PracticeNotice, User[]][] =
      job === NotificationJob.PracticeSubmitted
        ? [
            [
              'submitted_to_editors',
              await em.find(User, { roles: { $contains: ['editor'] }, status: 'active' }),
            ],
            ['submitted_to_authors', authors],
          ]
        : [['decided', authors]];

    let notified = 0;
    for (const [notice, recipients] of groups) {
      for (const recipient of recipients) {
        const text = practiceNoticeText[notice][recipient.locale as Locale] ?? practiceNoticeText[notice].en;
        const created = await this.notifyInApp(em, recipient, notice, effect.eventId, {
          title: text.title(title),
          body: text.body(title, practice.status),
          link: `/practices/${practice.id}`,
        });
        if (created) notified += 1;
        await this.producer.add(
          QueueName.Notifications,
          NotificationJob.SendEmail,
          {
            to: recipient.email,
            subject: text.title(title),
            text: text.body(title, practice.status),
            locale: recipient.locale,
          },
          { jobId: `${effect.eventId}-${notice}-${recipient.id}` },
        );
      }
    }
    return { notified };
  }

  private async authors(em: EntityManager, practice: Practice): Promise<User[]> {
    const members = await em.find(
      Membership,
      { organisation: practice.organisation, status: 'active', user: { status: 'active' } },
      { populate: ['user'] },
    );
    return members.map((m) => m.user);
  }

  /** Inserts unless this notice for this event already reached this person. */
  private async notifyInApp(
    em: EntityManager,
    recipient: User,
    kind: PracticeNotice,
    sourceId: string,
    content: { title: string; body: string; link: string },
  ): Promise<boolean> {
    const rows = await em
      .createQueryBuilder(Notification)
      .insert({
        recipient: recipient.id,
        kind,
        sourceId,
        ...content,
        createdAt: new Date(),
        id: randomUUID(),
      })
      .onConflict(['recipient', 'kind', 'sourceId'])
      .ignore()
      .execute('run');
    return (rows as { affectedRows?: number }).affectedRows === 1;
  }
}

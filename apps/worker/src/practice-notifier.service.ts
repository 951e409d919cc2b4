import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Practice, refreshReviewDecisions, type User } from '@pathways/persistence';
import { NotificationJob, parseJobPayload, QueueName } from '@pathways/queues';
import { NoticeSender } from './notice.sender';
import { type PracticeNotice, practiceNoticeText } from './practice-notice.text';
import { activeEditors, practiceAuthors, practiceTitle } from './recipients';

type PracticeJob =
  | typeof NotificationJob.PracticeSubmitted
  | typeof NotificationJob.PracticeDecided
  | typeof NotificationJob.RevisionWithdrawn;

/** Editors turning a revision down: the practice stays as published. */
const revisionRejections = ['desk_reject_revision', 'reject_revision'];

/**
 * Tells the right people about a practice's transition: an in-app notification each (once, even if
 * the job runs twice) and an e-mail each (a send-email job with a deterministic id). A decision
 * also updates the library's review figures.
 */
@Injectable()
export class PracticeNotifier {
  constructor(
    private readonly em: EntityManager,
    private readonly notices: NoticeSender,
  ) {}

  async handle(job: PracticeJob, data: unknown): Promise<{ notified: number }> {
    const effect = parseJobPayload(QueueName.Notifications, job, data);
    const em = this.em.fork();
    // The library's public review figures count every decision, even of practices never published.
    if (job === NotificationJob.PracticeDecided) await refreshReviewDecisions(em, effect.entityId);
    const practice = await em.findOne(Practice, { id: effect.entityId }, { populate: ['currentVersion'] });
    // A practice deleted meanwhile leaves nobody to tell.
    if (!practice) return { notified: 0 };
    const title = practiceTitle(practice.currentVersion?.getEntity().content, practice.slug);
    const authors = await practiceAuthors(em, practice);
    // A practice with a published version is being revised: its notices say so.
    const revision = practice.publishedVersion !== null;
    let groups: [PracticeNotice, User[]][];
    if (job === NotificationJob.RevisionWithdrawn) {
      groups = [
        ['revision_withdrawn', authors],
        ['revision_withdrawn', await activeEditors(em)],
      ];
    } else if (job === NotificationJob.PracticeSubmitted) {
      groups = [
        [revision ? 'revision_submitted_to_editors' : 'submitted_to_editors', await activeEditors(em)],
        [revision ? 'revision_submitted_to_authors' : 'submitted_to_authors', authors],
      ];
    } else {
      groups = [[revisionRejections.includes(effect.transition) ? 'revision_rejected' : 'decided', authors]];
    }

    let notified = 0;
    for (const [notice, recipients] of groups) {
      notified += await this.notices.sendEach(em, recipients, (_, locale) => {
        const text = practiceNoticeText[notice][locale];
        return {
          kind: notice,
          sourceId: effect.eventId,
          title: text.title(title),
          body: text.body(title, practice.status),
          link: `/practices/${practice.id}`,
        };
      });
    }
    return { notified };
  }
}

import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ReviewAssignment } from '@pathways/persistence';
import { NotificationJob, parseJobPayload, QueueName } from '@pathways/queues';
import { formatWhen, NoticeSender } from './notice.sender';
import { practiceTitle } from './recipients';
import { reviewInvitationText } from './review-invitation.text';

export type InvitationNoticeOutcome = { notified: number } | { skipped: string };

/** Tells a reviewer they were invited: in-app and by e-mail, in their language, once. */
@Injectable()
export class ReviewInvitationNotifier {
  constructor(
    private readonly em: EntityManager,
    private readonly notices: NoticeSender,
  ) {}

  async handle(data: unknown): Promise<InvitationNoticeOutcome> {
    const { assignmentId } = parseJobPayload(QueueName.Notifications, NotificationJob.ReviewInvited, data);
    const em = this.em.fork();
    const assignment = await em.findOne(
      ReviewAssignment,
      { id: assignmentId },
      { populate: ['practice', 'practiceVersion', 'reviewer', 'invitedBy'] },
    );
    if (!assignment) return { skipped: 'the invitation no longer exists' };
    // Answered, or expired, before the notice went out (Redis was down for long): nothing to ask.
    if (assignment.status !== 'invited') return { skipped: `the invitation is ${assignment.status}` };
    const title = practiceTitle(assignment.practiceVersion.content, assignment.practice.slug);
    const notified = await this.notices.sendEach(em, [assignment.reviewer], (_, locale) => {
      const facts = {
        practice: title,
        invitedBy: assignment.invitedBy?.name ?? null,
        respondBy: formatWhen(assignment.respondBy, locale),
      };
      return {
        kind: 'review_invited',
        sourceId: assignment.id,
        title: reviewInvitationText[locale].title(facts),
        body: reviewInvitationText[locale].body(facts),
        link: `/reviews/${assignment.id}`,
      };
    });
    return { notified };
  }
}

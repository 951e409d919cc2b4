import type { EntityManager } from '@mikro-orm/postgresql';
import { type InvitationOrigin, policyDays, type ReviewPolicySettings } from '@pathways/contracts';
import { NotificationJob, QueueName, ReminderJob } from '@pathways/queues';
import { OutboxMessage } from '../entities/outbox-message.entity';
import type { Practice } from '../entities/practice.entity';
import { ReviewAssignment } from '../entities/review-assignment.entity';
import type { User } from '../entities/user.entity';

export interface InviteReviewerOptions {
  practice: Practice;
  reviewer: User;
  /** Null when the policy invites automatically. */
  invitedBy: User | null;
  origin: InvitationOrigin;
  policy: Pick<ReviewPolicySettings, 'invitationWindowDays'>;
  /** How long a policy day lasts (DAY_SECONDS). */
  daySeconds: number;
  now?: Date;
}

/**
 * Invites a reviewer for the practice's current version, tells them (in-app and e-mail) and schedules
 * the invitation's expiry, all in the caller's unit of work, so neither the notice nor the timer can
 * be lost even if Redis is down. Exclusions are
 * the caller's to check first (reviewerExclusion). Flushing is the caller's too.
 */
export function inviteReviewer(em: EntityManager, options: InviteReviewerOptions): ReviewAssignment {
  const { practice, reviewer, invitedBy, origin, policy, daySeconds, now = new Date() } = options;
  const windowMs = policyDays(policy.invitationWindowDays, daySeconds);
  const assignment = em.create(ReviewAssignment, {
    practice,
    practiceVersion: practice.currentVersion!.getEntity(),
    reviewer,
    invitedBy,
    origin,
    invitedAt: now,
    respondBy: new Date(now.getTime() + windowMs),
  });
  em.create(OutboxMessage, {
    queue: QueueName.Notifications,
    jobName: NotificationJob.ReviewInvited,
    payload: { assignmentId: assignment.id },
  });
  em.create(OutboxMessage, {
    queue: QueueName.Reminders,
    jobName: ReminderJob.ExpireInvitation,
    payload: { assignmentId: assignment.id },
    delayMs: windowMs,
    createdAt: now,
  });
  return assignment;
}

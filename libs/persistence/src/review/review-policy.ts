import type { EntityManager } from '@mikro-orm/postgresql';
import { defaultReviewPolicy, type ReviewPolicy as ReviewPolicyDto } from '@pathways/contracts';
import { ReviewPolicy } from '../entities/review-policy.entity';

/** The policy in force: the saved one, or the defaults while no admin has saved it. */
export async function loadReviewPolicy(em: EntityManager): Promise<ReviewPolicyDto> {
  const row = await em.findOne(ReviewPolicy, { id: 'default' }, { refresh: true });
  if (!row) return { ...defaultReviewPolicy, version: 0, updatedAt: null };
  return {
    reviewersRequired: row.reviewersRequired,
    requireUnEntityReviewer: row.requireUnEntityReviewer,
    blindMode: row.blindMode,
    invitationWindowDays: row.invitationWindowDays,
    reviewDueDays: row.reviewDueDays,
    remindBeforeDueDays: row.remindBeforeDueDays,
    remindOnDue: row.remindOnDue,
    remindAfterDueDays: row.remindAfterDueDays,
    escalateAfterOverdueDays: row.escalateAfterOverdueDays,
    inviteBackupReviewer: row.inviteBackupReviewer,
    extraReviewerOnDisagreement: row.extraReviewerOnDisagreement,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

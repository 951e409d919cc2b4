import type { EntityManager } from '@mikro-orm/postgresql';
import { Membership } from '../entities/membership.entity';
import { ReviewAssignment } from '../entities/review-assignment.entity';

export interface ReviewPanel {
  /** Invitations not declined or expired. */
  activeReviewers: number;
  reviewsSubmitted: number;
  /** At least one active reviewer belongs to a verified UN entity (DESIGN §4 policy). */
  unEntityReviewerPresent: boolean;
}

/** The panel reviewing one version of a practice, as the practice workflow's guards see it. */
export async function reviewPanel(em: EntityManager, practiceVersionId: string): Promise<ReviewPanel> {
  const assignments = await em.find(ReviewAssignment, {
    practiceVersion: practiceVersionId,
    status: { $nin: ['declined', 'expired'] },
  });
  const reviewers = assignments.map((a) => a.reviewer.id);
  const unEntity = reviewers.length
    ? await em.count(Membership, {
        user: { $in: reviewers },
        status: 'active',
        organisation: { kind: 'un_entity', status: 'verified' },
      })
    : 0;
  return {
    activeReviewers: assignments.length,
    reviewsSubmitted: assignments.filter((a) => a.status === 'submitted').length,
    unEntityReviewerPresent: unEntity > 0,
  };
}

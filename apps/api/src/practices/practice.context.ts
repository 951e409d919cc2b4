import { missingForSubmission, type PracticeContent, type ReviewPolicySettings } from '@pathways/contracts';
import type { PracticeContext } from '@pathways/workflow';
import type { ReviewPanel } from '@pathways/persistence';

/** What the practice workflow's guards need: the current version's gaps, its panel, the policy, and whether it is in the library. */
export const practiceContext = (
  content: PracticeContent,
  panel: ReviewPanel,
  policy: Pick<ReviewPolicySettings, 'reviewersRequired' | 'requireUnEntityReviewer'>,
  hasPublishedVersion: boolean,
): PracticeContext => ({
  hasPublishedVersion,
  missingFields: missingForSubmission(content),
  activeReviewers: panel.activeReviewers,
  reviewsSubmitted: panel.reviewsSubmitted,
  reviewsRequired: policy.reviewersRequired,
  unEntityReviewerPresent: !policy.requireUnEntityReviewer || panel.unEntityReviewerPresent,
});

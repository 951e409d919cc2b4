import { missingForSubmission, type PracticeContent } from '@pathways/contracts';
import type { PracticeContext } from '@pathways/workflow';
import type { ReviewPanel } from '../reviews/review-panel';

/** Reviewers required by the default review policy (DESIGN §4) until the policy is stored. */
export const defaultReviewsRequired = 3;

/** What the practice workflow's guards need: the current version's gaps and its review panel. */
export const practiceContext = (content: PracticeContent, panel: ReviewPanel): PracticeContext => ({
  missingFields: missingForSubmission(content),
  activeReviewers: panel.activeReviewers,
  reviewsSubmitted: panel.reviewsSubmitted,
  reviewsRequired: defaultReviewsRequired,
  unEntityReviewerPresent: panel.unEntityReviewerPresent,
});

import { missingForSubmission, type PracticeContent } from '@pathways/contracts';
import type { PracticeContext } from '@pathways/workflow';

/** Reviewers required by the default review policy (DESIGN §4) until the policy is stored. */
export const defaultReviewsRequired = 3;

/** What the practice workflow's guards need, from the current version; no reviews exist yet. */
export const practiceContext = (content: PracticeContent): PracticeContext => ({
  missingFields: missingForSubmission(content),
  activeReviewers: 0,
  reviewsSubmitted: 0,
  reviewsRequired: defaultReviewsRequired,
  unEntityReviewerPresent: false,
});

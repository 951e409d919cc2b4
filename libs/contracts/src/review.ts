import { z } from 'zod';
import { invitationOrigins } from './reviewer';

/** The rubric (issue 3): each criterion scored 1–5. */
export const rubricCriteria = [
  'relevance',
  'evidence',
  'genderResponsiveness',
  'rightsBased',
  'partnership',
  'sustainability',
  'replicability',
] as const;
export type RubricCriterion = (typeof rubricCriteria)[number];

export const recommendations = ['accept', 'minor_revisions', 'major_revisions', 'reject'] as const;
export const Recommendation = z.enum(recommendations, {
  error: `Choose one of: ${recommendations.join(', ')}`,
});
export type Recommendation = z.infer<typeof Recommendation>;

const Score = z
  .number({ error: 'Give a score from 1 to 5' })
  .int('Give a whole score from 1 to 5')
  .min(1, 'Scores go from 1 to 5')
  .max(5, 'Scores go from 1 to 5');

/** A review as the reviewer writes it; every part is checked, and completeness is asked on submit. */
export const ReviewInput = z
  .object({
    scores: z.partialRecord(z.enum(rubricCriteria), Score).default({}),
    recommendation: Recommendation.optional(),
    commentsToAuthors: z.string().trim().max(20_000, 'At most 20000 characters').optional(),
    /** Read by editors only. */
    confidentialComments: z.string().trim().max(20_000, 'At most 20000 characters').optional(),
  })
  .strict();
export type ReviewInput = z.infer<typeof ReviewInput>;

/** What a submitted review still lacks. */
export function missingReviewFields(review: ReviewInput | null | undefined): string[] {
  const missing: string[] = rubricCriteria
    .filter((c) => review?.scores?.[c] === undefined)
    .map((c) => `scores.${c}`);
  if (!review?.recommendation) missing.push('recommendation');
  if (!review?.commentsToAuthors) missing.push('commentsToAuthors');
  return missing;
}

export const InviteReviewerInput = z.object({ reviewerId: z.uuid('reviewerId must be a user id') }).strict();
export type InviteReviewerInput = z.infer<typeof InviteReviewerInput>;

export const reviewAssignmentStatuses = [
  'invited',
  'accepted',
  'declined',
  'expired',
  'overdue',
  'submitted',
] as const;

export const ReviewAssignmentTransitionInput = z
  .object({
    version: z.number({ error: 'version is required' }).int().min(1),
    /** On accept: "none", or a description of the conflict the editor should weigh. */
    conflictDeclaration: z
      .string()
      .trim()
      .min(1, 'Declare "none" or describe the conflict')
      .max(2000)
      .optional(),
    /** On submit. */
    review: ReviewInput.optional(),
  })
  .strict();
export type ReviewAssignmentTransitionInput = z.infer<typeof ReviewAssignmentTransitionInput>;

export const ReviewAssignment = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  /** The title of the version under review, so an inbox needs no second call. */
  practiceTitle: z.string(),
  /** Which version (round) of the practice this invitation reviews. */
  practiceVersionNumber: z.number().int(),
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  status: z.enum(reviewAssignmentStatuses),
  origin: z.enum(invitationOrigins),
  invitedAt: z.iso.datetime(),
  respondBy: z.iso.datetime(),
  dueAt: z.iso.datetime().nullable(),
  conflictDeclaration: z.string().nullable(),
  review: ReviewInput.nullable(),
  submittedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type ReviewAssignment = z.infer<typeof ReviewAssignment>;

export const ReviewAssignmentList = z.object({ items: z.array(ReviewAssignment) });
export type ReviewAssignmentList = z.infer<typeof ReviewAssignmentList>;

/**
 * A submitted review as the practice's authors read it once the editor has decided: no reviewer
 * identity, no confidential comments (single-blind).
 */
export const AuthorReview = z.object({
  /** "Reviewer 1", "Reviewer 2", ... in the order reviewers were invited. */
  label: z.string(),
  versionNumber: z.number().int(),
  recommendation: Recommendation,
  scores: z.partialRecord(z.enum(rubricCriteria), z.number().int()),
  commentsToAuthors: z.string(),
  submittedAt: z.iso.datetime(),
});
export type AuthorReview = z.infer<typeof AuthorReview>;

export const AuthorReviewList = z.object({ items: z.array(AuthorReview) });
export type AuthorReviewList = z.infer<typeof AuthorReviewList>;

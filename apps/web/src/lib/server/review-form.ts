import { missingReviewFields, ReviewInput, rubricCriteria } from '@pathways/contracts';
import type { ReviewInput as Review } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { criterionLabel } from '$lib/review';
import type { FieldMessages } from './failures';
import { check, formValues, type Checked } from './form';

/** Input names of the review form; they are the review's paths, as in the API's issues after "review.". */
export const reviewFieldNames = [
  ...rubricCriteria.map((criterion) => `scores.${criterion}` as const),
  'recommendation',
  'commentsToAuthors',
  'confidentialComments',
] as const;

/** Translated messages per review field, read lazily in the request's language. */
export const reviewFieldMessages: FieldMessages = {
  ...Object.fromEntries(
    rubricCriteria.map((criterion) => [
      `scores.${criterion}`,
      () => m.review_error_score({ criterion: criterionLabel(criterion) }),
    ]),
  ),
  recommendation: m.review_error_recommendation,
  commentsToAuthors: m.review_error_comments,
  confidentialComments: m.review_error_too_long,
};

/**
 * Reads the review form: radios for the scores and the recommendation, two text areas. Blank
 * answers are left out (not zero), so the contract and the completeness check name what is missing.
 */
export function reviewFromForm(data: FormData): { values: Record<string, string>; review: unknown } {
  const values = formValues(data, reviewFieldNames);
  const scores: Record<string, number> = {};
  for (const criterion of rubricCriteria) {
    const raw = values[`scores.${criterion}`];
    if (raw !== '') scores[criterion] = Number(raw);
  }
  const review: Record<string, unknown> = { scores };
  if (values.recommendation) review.recommendation = values.recommendation;
  if (values.commentsToAuthors) review.commentsToAuthors = values.commentsToAuthors;
  if (values.confidentialComments) review.confidentialComments = values.confidentialComments;
  return { values, review };
}

/** A review ready to submit: valid, and complete (every score, a recommendation, comments to authors). */
export function checkReview(review: unknown): Checked<Review> {
  const checked = check(ReviewInput, review, reviewFieldMessages);
  if (!checked.ok) return checked;
  const missing = missingReviewFields(checked.data);
  if (missing.length === 0) return checked;
  return {
    ok: false,
    errors: Object.fromEntries(
      missing.map((path) => [path, reviewFieldMessages[path]?.() ?? m.field_invalid()]),
    ),
  };
}

/** The review a reviewer already submitted, as the form's strings (for showing it back). */
export function valuesFromReview(review: Review | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (const criterion of rubricCriteria) {
    const score = review?.scores?.[criterion];
    values[`scores.${criterion}`] = score === undefined ? '' : String(score);
  }
  values.recommendation = review?.recommendation ?? '';
  values.commentsToAuthors = review?.commentsToAuthors ?? '';
  values.confidentialComments = review?.confidentialComments ?? '';
  return values;
}

export const conflictChoices = ['none', 'declared'] as const;

/**
 * The conflict-of-interest declaration made on acceptance: "none", or the conflict in the
 * reviewer's words, for the editor to weigh.
 */
export function conflictFromForm(data: FormData): {
  values: Record<'conflict' | 'conflictText', string>;
  checked: Checked<string>;
} {
  const values = formValues(data, ['conflict', 'conflictText']);
  if (values.conflict === 'none') return { values, checked: { ok: true, data: 'none' } };
  if (values.conflict !== 'declared') {
    return { values, checked: { ok: false, errors: { conflict: m.review_error_conflict_choice() } } };
  }
  if (!values.conflictText) {
    return { values, checked: { ok: false, errors: { conflictText: m.review_error_conflict_text() } } };
  }
  if (values.conflictText.length > 2000) {
    return { values, checked: { ok: false, errors: { conflictText: m.review_error_conflict_too_long() } } };
  }
  return { values, checked: { ok: true, data: values.conflictText } };
}

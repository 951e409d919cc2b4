import { describe, expect, it } from 'vitest';
import { rubricCriteria } from '@pathways/contracts';
import { ApiFailure } from './api-failure';
import { actionFailure } from './failures';
import { issuesWithout } from './optional';
import {
  checkReview,
  conflictFromForm,
  reviewFieldMessages,
  reviewFromForm,
  valuesFromReview,
} from './review-form';

const posted = (entries: Record<string, string>): FormData => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

const allScores = Object.fromEntries(rubricCriteria.map((c, i) => [`scores.${c}`, String((i % 5) + 1)]));

describe('the review form', () => {
  it('reads a complete review into the contract’s shape', () => {
    const { review } = reviewFromForm(
      posted({
        ...allScores,
        recommendation: 'minor_revisions',
        commentsToAuthors: '  Clear evidence; add the 2023 figures.  ',
        confidentialComments: '',
      }),
    );
    const checked = checkReview(review);
    expect(checked).toEqual({
      ok: true,
      data: {
        scores: {
          relevance: 1,
          evidence: 2,
          genderResponsiveness: 3,
          rightsBased: 4,
          partnership: 5,
          sustainability: 1,
          replicability: 2,
        },
        recommendation: 'minor_revisions',
        commentsToAuthors: 'Clear evidence; add the 2023 figures.',
      },
    });
  });

  it('names every missing score, the recommendation and the comments, and keeps what was typed', () => {
    const { values, review } = reviewFromForm(
      posted({ 'scores.relevance': '4', confidentialComments: 'For the editors only' }),
    );
    const checked = checkReview(review);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(
      [
        ...rubricCriteria.filter((c) => c !== 'relevance').map((c) => `scores.${c}`),
        'recommendation',
        'commentsToAuthors',
      ].sort(),
    );
    expect(checked.errors['scores.evidence']).toBe('Choose a score from 1 to 5 for “Evidence of results”.');
    expect(values['scores.relevance']).toBe('4');
    expect(values.confidentialComments).toBe('For the editors only');
  });

  it('refuses a score outside 1–5 or a recommendation that does not exist', () => {
    const checked = checkReview(
      reviewFromForm(
        posted({ ...allScores, 'scores.relevance': '9', recommendation: 'maybe', commentsToAuthors: 'x' }),
      ).review,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({
      'scores.relevance': 'Choose a score from 1 to 5 for “Relevance”.',
      recommendation: 'Choose a recommendation.',
    });
  });

  it('shows a submitted review back as the form’s strings', () => {
    const values = valuesFromReview({
      scores: { relevance: 5 },
      recommendation: 'accept',
      commentsToAuthors: 'Good',
    });
    expect(values['scores.relevance']).toBe('5');
    expect(values['scores.evidence']).toBe('');
    expect(values.recommendation).toBe('accept');
    expect(values.confidentialComments).toBe('');
  });

  it('puts the API’s review issues (review.scores.relevance) next to the form’s fields', () => {
    const blocked = new ApiFailure(409, {
      statusCode: 409,
      code: 'TRANSITION_BLOCKED',
      message: 'Complete the review first',
      issues: [
        { path: 'review.scores.relevance', message: 'Required before submitting the review.' },
        { path: 'review.commentsToAuthors', message: 'Required before submitting the review.' },
      ],
      requestId: 'r',
    });
    const result = actionFailure(issuesWithout(blocked, 'review.'), {
      values: { commentsToAuthors: '' },
      target: 'review',
      fields: reviewFieldMessages,
    });
    expect(result.status).toBe(409);
    expect(result.data.errors).toEqual({
      'scores.relevance': 'Choose a score from 1 to 5 for “Relevance”.',
      commentsToAuthors: 'Write your comments to the authors (at most 20,000 characters).',
    });
    expect(result.data.target).toBe('review');
  });
});

describe('the conflict-of-interest declaration', () => {
  it('sends "none" when the reviewer has no conflict', () => {
    expect(conflictFromForm(posted({ conflict: 'none', conflictText: '' })).checked).toEqual({
      ok: true,
      data: 'none',
    });
  });

  it('sends the reviewer’s words when a conflict is declared', () => {
    const { checked } = conflictFromForm(
      posted({ conflict: 'declared', conflictText: ' I advised the ministry in 2022. ' }),
    );
    expect(checked).toEqual({ ok: true, data: 'I advised the ministry in 2022.' });
  });

  it('asks for a choice, and for a description when a conflict is declared', () => {
    expect(conflictFromForm(posted({})).checked).toEqual({
      ok: false,
      errors: { conflict: 'Say whether you have a conflict of interest.' },
    });
    const declared = conflictFromForm(posted({ conflict: 'declared', conflictText: '  ' }));
    expect(declared.checked).toEqual({
      ok: false,
      errors: { conflictText: 'Describe the conflict you declare.' },
    });
    expect(declared.values.conflict).toBe('declared');
  });
});

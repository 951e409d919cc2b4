import { describe, expect, it } from 'vitest';
import { type PracticeFacts, rankReviewers, type ReviewerCandidate } from './reviewer-ranking';

const practice: PracticeFacts = {
  organisationId: 'org-ministry',
  organisationKind: 'government',
  organisationCountry: 'PH',
  themes: ['recruitment', 'domestic_work'],
  countries: ['PH', 'AE'],
  language: 'en',
};

const candidate = (over: Partial<ReviewerCandidate>): ReviewerCandidate => ({
  reviewerId: over.name ?? 'r',
  name: 'r',
  organisations: [],
  themes: [],
  languages: [],
  countries: [],
  activeReviews: 0,
  onPanel: false,
  ...over,
});

describe('rankReviewers', () => {
  it('puts expertise first and load second', () => {
    const ranked = rankReviewers(
      [
        candidate({ name: 'Idle novice' }),
        candidate({ name: 'Busy expert', themes: ['recruitment', 'domestic_work'], activeReviews: 2 }),
        candidate({ name: 'Free expert', themes: ['recruitment', 'domestic_work'], languages: ['en'] }),
        candidate({ name: 'Country expert', countries: ['AE'] }),
      ],
      practice,
    );
    expect(ranked.map((r) => r.name)).toEqual([
      'Free expert',
      'Busy expert',
      'Country expert',
      'Idle novice',
    ]);
    expect(ranked[0].matches).toEqual({
      themes: ['recruitment', 'domestic_work'],
      languages: ['en'],
      countries: [],
    });
  });

  it('excludes the submitting organisation, the same country for governments, and the panel', () => {
    const ranked = rankReviewers(
      [
        candidate({
          name: 'Same org',
          themes: ['recruitment'],
          organisations: [{ id: 'org-ministry', name: 'Ministry', kind: 'government', country: 'PH' }],
        }),
        candidate({
          name: 'Same country',
          themes: ['recruitment'],
          organisations: [{ id: 'org-ngo', name: 'NGO', kind: 'civil_society', country: 'PH' }],
        }),
        candidate({ name: 'On panel', themes: ['recruitment'], onPanel: true }),
        candidate({
          name: 'UN',
          organisations: [{ id: 'org-un', name: 'UN Women', kind: 'un_entity', country: null }],
        }),
      ],
      practice,
    );
    expect(ranked.map((r) => [r.name, r.excluded])).toEqual([
      ['UN', null],
      ['On panel', 'Already invited for this version.'],
      ['Same country', 'For a government submission, reviewers from the same country are excluded.'],
      ['Same org', 'Reviewers from the submitting organisation cannot review its practices.'],
    ]);
    expect(ranked[0].unEntity).toBe(true);
  });

  it('lets reviewers from the same country review non-government submissions', () => {
    const [only] = rankReviewers(
      [candidate({ organisations: [{ id: 'o', name: 'NGO', kind: 'civil_society', country: 'PH' }] })],
      { ...practice, organisationKind: 'civil_society' },
    );
    expect(only.excluded).toBeNull();
  });
});

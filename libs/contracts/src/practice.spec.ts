import { describe, expect, it } from 'vitest';
import { missingForSubmission, PracticeContent } from './practice';
import { completePracticeContent } from './testing/practice-content';

// The fixture every other test submits: this also checks that it really is complete.
const complete = completePracticeContent;

const issuesOf = (value: unknown) =>
  PracticeContent.safeParse(value).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('practice content', () => {
  it('accepts an empty draft and lists every required field as missing', () => {
    expect(PracticeContent.parse({})).toEqual({});
    expect(missingForSubmission({})).toEqual([
      'title',
      'summary',
      'problem',
      'description',
      'themes',
      'stages',
      'countries',
      'targetGroups',
      'outcomes',
      'indicators',
      'language',
      'licence',
    ]);
  });

  it('finds nothing missing in a complete practice', () => {
    expect(PracticeContent.parse(complete)).toMatchObject({ title: complete.title });
    expect(missingForSubmission(PracticeContent.parse(complete))).toEqual([]);
  });

  it('needs a country of origin and one of destination', () => {
    const onlyOrigin = { ...complete, countries: [{ code: 'PH', role: 'origin' as const }] };
    expect(missingForSubmission(onlyOrigin)).toEqual(['countries']);
    expect(missingForSubmission({ ...complete, title: '   ' })).toEqual(['title']);
  });

  it('validates each field given, even in a draft, naming the field', () => {
    expect(
      issuesOf({
        themes: ['not-a-theme'],
        countries: [{ code: 'ZZ', role: 'origin' }],
        indicators: [{ indicator: 'x', women: 'many' }],
        period: { start: '2024-05-01', end: '2023-01-01' },
        resources: [{ label: 'Report', url: 'javascript:alert(1)' }],
        licence: 'all rights reserved',
        colour: 'blue',
      }).sort(),
    ).toEqual(
      [
        '',
        'countries.0.code',
        'indicators.0.women',
        'licence',
        'period.end',
        'resources.0.url',
        'themes.0',
      ].sort(),
    );
  });

  it('accepts taxonomy codes only once each', () => {
    expect(issuesOf({ stages: ['transit', 'transit'] })).toEqual(['stages']);
  });
});

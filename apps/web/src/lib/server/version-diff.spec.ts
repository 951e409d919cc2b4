import { describe, expect, it } from 'vitest';
import { describeChanges, describeValue, type DiffLabels } from './version-diff';

const labels: DiffLabels = {
  terms: {
    themes: { labour_rights: 'Labour rights' },
    stages: {},
    targetGroups: { domestic_workers: 'Domestic workers' },
    frameworks: {},
  },
  country: (code) => ({ PH: 'Philippines', AE: 'United Arab Emirates' })[code] ?? code,
  locale: 'en',
};

describe('describeValue', () => {
  it('shows text as it is, and nothing for empty values', () => {
    expect(describeValue('title', 'Fair recruitment', labels)).toEqual(['Fair recruitment']);
    expect(describeValue('title', '', labels)).toEqual([]);
    expect(describeValue('themes', [], labels)).toEqual([]);
    expect(describeValue('summary', null, labels)).toEqual([]);
  });

  it('names taxonomy terms, keeping unknown codes', () => {
    expect(describeValue('themes', ['labour_rights', 'retired_code'], labels)).toEqual([
      'Labour rights',
      'retired_code',
    ]);
  });

  it('names countries with their role', () => {
    expect(
      describeValue(
        'countries',
        [
          { code: 'PH', role: 'origin' },
          { code: 'AE', role: 'destination' },
        ],
        labels,
      ),
    ).toEqual(['Philippines (Origin)', 'United Arab Emirates (Destination)']);
  });

  it('writes indicator rows out with their figures', () => {
    expect(
      describeValue(
        'indicators',
        [{ indicator: 'Workers placed', women: 1200, men: null, year: 2024, source: 'Ministry' }],
        labels,
      ),
    ).toEqual(['Workers placed — Women: 1,200, Men: —, Year: 2024, Source: Ministry']);
  });

  it('writes the period, the self-assessment, the language and resources in words', () => {
    expect(describeValue('period', { start: '2024-01-01', end: '2024-12-31' }, labels)).toEqual([
      expect.stringContaining('2024'),
    ]);
    expect(describeValue('period', { start: '2024-01-01' }, labels)[0]).toMatch(/1 Jan 2024|Jan 1, 2024/);
    expect(
      describeValue(
        'genderAssessment',
        { rightsBased: true, sexDisaggregatedData: false, notes: 'Audited' },
        labels,
      ),
    ).toHaveLength(2);
    expect(describeValue('language', 'fr', labels)).toEqual(['French']);
    expect(describeValue('resources', [{ label: 'Report', url: 'https://example.org/r' }], labels)).toEqual([
      'Report (https://example.org/r)',
    ]);
  });
});

describe('describeChanges', () => {
  it('labels each change and orders them like the form', () => {
    const rows = describeChanges(
      [
        { field: 'themes', kind: 'added', before: null, after: ['labour_rights'] },
        { field: 'title', kind: 'changed', before: 'Old title', after: 'New title' },
      ],
      labels,
    );
    expect(rows).toEqual([
      { field: 'title', label: 'Title', kind: 'changed', before: ['Old title'], after: ['New title'] },
      { field: 'themes', label: 'Themes', kind: 'added', before: [], after: ['Labour rights'] },
    ]);
  });
});

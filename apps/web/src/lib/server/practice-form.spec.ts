import { describe, expect, it } from 'vitest';
import { missingForSubmission, PracticeContent } from '@pathways/contracts';
import {
  checkContent,
  contentFromForm,
  errorKey,
  formFromContent,
  formFromData,
  withoutBlankRows,
} from './practice-form';

const posted = (entries: [string, string][]): FormData => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe('the guided practice form', () => {
  it('reads rows in order, renumbered, and drops the rows left empty', () => {
    const form = formFromData(
      posted([
        ['title', '  Safe recruitment  '],
        ['themes', 'decent_work'],
        ['countries.3.code', 'MX'],
        ['countries.3.role', 'destination'],
        ['countries.1.code', 'GT'],
        ['countries.1.role', 'origin'],
        ['countries.7.code', ''],
        ['countries.7.role', ''],
        ['indicators.0.indicator', 'Workers trained'],
        ['indicators.0.women', '120'],
        ['indicators.0.men', ''],
        ['genderAssessment.rightsBased', 'on'],
      ]),
    );
    expect(form.text.title).toBe('Safe recruitment');
    expect(form.terms.themes).toEqual(['decent_work']);
    expect(form.countries).toHaveLength(3);
    const clean = withoutBlankRows(form);
    expect(clean.countries).toEqual([
      { code: 'GT', role: 'origin' },
      { code: 'MX', role: 'destination' },
    ]);
    const content = contentFromForm(clean);
    expect(content.indicators).toEqual([{ indicator: 'Workers trained', women: 120 }]);
    expect(content.genderAssessment).toMatchObject({ rightsBased: true, sexDisaggregatedData: false });
    expect(content.summary).toBeUndefined();
  });

  it('round-trips saved content through the form unchanged', () => {
    const content = PracticeContent.parse({
      title: 'Safe recruitment',
      countries: [{ code: 'PH', role: 'origin' }],
      indicators: [{ indicator: 'Placements', women: 10, men: null, year: 2024 }],
      period: { start: '2023-01-01' },
      partners: ['ILO', 'UN Women'],
      language: 'en',
      genderAssessment: { rightsBased: true },
    });
    const again = contentFromForm(withoutBlankRows(formFromContent(content)));
    expect(PracticeContent.parse(again)).toMatchObject({
      title: 'Safe recruitment',
      countries: [{ code: 'PH', role: 'origin' }],
      indicators: [{ indicator: 'Placements', women: 10, year: 2024 }],
      period: { start: '2023-01-01' },
      partners: ['ILO', 'UN Women'],
      language: 'en',
    });
    expect(missingForSubmission(PracticeContent.parse(again))).toContain('summary');
  });

  it('puts each problem at its field, lists once at their group', () => {
    const form = formFromData(
      posted([
        ['indicators.0.indicator', ''],
        ['indicators.0.women', 'many'],
        ['resources.0.label', 'Report'],
        ['resources.0.url', 'ftp://example.org'],
        ['period.start', '2024-05-01'],
        ['period.end', '2024-01-01'],
      ]),
    );
    const errors = checkContent(contentFromForm(withoutBlankRows(form)));
    expect(Object.keys(errors).sort()).toEqual([
      'indicators.0.indicator',
      'indicators.0.women',
      'period.end',
      'resources.0.url',
    ]);
    expect(errorKey('content.themes.2')).toBe('themes');
    expect(errorKey('content.indicators.1.men')).toBe('indicators.1.men');
  });
});

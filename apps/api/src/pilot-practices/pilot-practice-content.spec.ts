import { describe, expect, it } from 'vitest';
import { practiceContentFromPilot } from './pilot-practice-content';

describe('practiceContentFromPilot', () => {
  it('leaves out what the pilot does not say, so the draft holds only what the authors can keep', () => {
    expect(practiceContentFromPilot({}, [], null)).toEqual({
      themes: [],
      stages: [],
      countries: [],
      frameworks: [],
      partners: [],
      indicators: [],
    });
  });

  it('names each partner once and keeps an open period open', () => {
    const content = practiceContentFromPilot(
      { title: 'Corridor', period: { start: '2027-01-01' } },
      ['Casa de la Mujer', ' Casa de la Mujer ', 'Kanlungan Centre'],
      null,
    );
    expect(content).toMatchObject({
      title: 'Corridor',
      partners: ['Casa de la Mujer', 'Kanlungan Centre'],
      period: { start: '2027-01-01' },
    });
  });

  it('takes the reported figures by indicator name, with the report’s year and source', () => {
    const content = practiceContentFromPilot(
      { indicators: [{ indicator: 'Women trained', unit: 'people', women: 100, men: 10 }] },
      [],
      { year: 2028, indicators: [{ indicator: ' WOMEN TRAINED', women: 0, men: null }] },
    );
    expect(content.indicators).toEqual([
      {
        indicator: 'Women trained',
        women: 0,
        men: null,
        unit: 'people',
        year: 2028,
        source: 'Pilot progress report',
      },
    ]);
  });
});

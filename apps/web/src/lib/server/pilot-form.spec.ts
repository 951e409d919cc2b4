import { describe, expect, it } from 'vitest';
import { CreatePilotInput, missingForProposal, PilotContent, UpdatePilotInput } from '@pathways/contracts';
import {
  checkPilotContent,
  pilotContentFromForm,
  pilotErrorKey,
  pilotFormFromContent,
  pilotFormFromData,
  pilotIssuesByField,
  reshapePilotForm,
  withoutBlankPilotRows,
} from './pilot-form';

const posted = (entries: [string, string][]): FormData => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

const complete: [string, string][] = [
  ['title', '  Safe corridors  '],
  ['summary', 'Orientation and a helpline.'],
  ['objectives', 'Fewer women in debt bondage.'],
  ['themes', 'domestic-workers-rights'],
  ['stages', 'pre-departure'],
  ['stages', 'destination'],
  ['frameworks', 'gfmd-rt-2-2'],
  ['countries.4.code', 'MX'],
  ['countries.4.role', 'destination'],
  ['countries.1.code', 'PH'],
  ['countries.1.role', 'origin'],
  ['countries.9.code', ''],
  ['countries.9.role', ''],
  ['period.start', '2026-03-01'],
  ['period.end', '2027-12-31'],
  ['budget.range', '250k-1m'],
  ['budget.sources', 'Department of Migrant Workers\n\n  UN Women  \n'],
  ['expectedResults', '2,000 women oriented.'],
  ['indicators.0.indicator', 'Workers oriented'],
  ['indicators.0.unit', 'people'],
  ['indicators.0.women', '2000'],
  ['indicators.0.men', '150'],
  ['indicators.1.indicator', ''],
  ['indicators.1.unit', ''],
  ['indicators.1.women', ''],
  ['indicators.1.men', ''],
  ['language', 'en'],
];

describe('the pilot proposal form', () => {
  it('turns a complete posted proposal into the body the API takes, rows in order and blank rows dropped', () => {
    const content = pilotContentFromForm(withoutBlankPilotRows(pilotFormFromData(posted(complete))));
    expect(content).toEqual({
      title: 'Safe corridors',
      summary: 'Orientation and a helpline.',
      objectives: 'Fewer women in debt bondage.',
      expectedResults: '2,000 women oriented.',
      language: 'en',
      themes: ['domestic-workers-rights'],
      stages: ['pre-departure', 'destination'],
      frameworks: ['gfmd-rt-2-2'],
      countries: [
        { code: 'PH', role: 'origin' },
        { code: 'MX', role: 'destination' },
      ],
      period: { start: '2026-03-01', end: '2027-12-31' },
      budget: { range: '250k-1m', sources: ['Department of Migrant Workers', 'UN Women'] },
      indicators: [{ indicator: 'Workers oriented', unit: 'people', women: 2000, men: 150 }],
    });
    expect(checkPilotContent(content)).toEqual({});
    const body = CreatePilotInput.parse({ organisationId: '0b9f3c52-8f0e-4a53-9d7e-4f1f2a3b4c5d', content });
    expect(missingForProposal(body.content)).toEqual([]);
    expect(UpdatePilotInput.safeParse({ content, version: 3 }).success).toBe(true);
  });

  it('leaves out what a draft leaves empty, and sends a missing target as null', () => {
    const content = pilotContentFromForm(
      withoutBlankPilotRows(
        pilotFormFromData(
          posted([
            ['title', 'Only a title'],
            ['indicators.0.indicator', 'Cases resolved'],
            ['indicators.0.women', '30'],
            ['indicators.0.men', ''],
          ]),
        ),
      ),
    );
    expect(content).toEqual({
      title: 'Only a title',
      themes: [],
      stages: [],
      frameworks: [],
      countries: [],
      budget: { sources: [] },
      indicators: [{ indicator: 'Cases resolved', women: 30, men: null }],
    });
    expect(checkPilotContent(content)).toEqual({});
    expect(missingForProposal(PilotContent.parse(content))).toEqual([
      'summary',
      'objectives',
      'themes',
      'stages',
      'countries',
      'period',
      'expectedResults',
      'language',
    ]);
  });

  it('round-trips saved content through the form unchanged, with a spare row to type into', () => {
    const saved = PilotContent.parse(
      pilotContentFromForm(withoutBlankPilotRows(pilotFormFromData(posted(complete)))),
    );
    const form = pilotFormFromContent(saved);
    expect(form.countries.at(-1)).toEqual({ code: '', role: '' });
    expect(form.indicators.at(-1)).toEqual({ indicator: '', unit: '', women: '', men: '' });
    expect(form.text['budget.sources']).toBe('Department of Migrant Workers\nUN Women');
    expect(PilotContent.parse(pilotContentFromForm(withoutBlankPilotRows(form)))).toEqual(saved);
  });

  it('puts each problem at its field, in the words of the page', () => {
    const content = pilotContentFromForm(
      withoutBlankPilotRows(
        pilotFormFromData(
          posted([
            ['indicators.0.indicator', ''],
            ['indicators.0.women', 'many'],
            ['countries.0.code', 'PH'],
            ['countries.0.role', ''],
            ['period.start', '2027-05-01'],
            ['period.end', '2027-01-01'],
            ['budget.range', 'a lot'],
          ]),
        ),
      ),
    );
    expect(checkPilotContent(content)).toEqual({
      'indicators.0.indicator': 'Fill this in, or empty the whole row.',
      'indicators.0.women': 'Enter a number, such as 1250.',
      'countries.0.role': 'Fill this in, or empty the whole row.',
      'period.end': 'The period must end after it starts.',
      'budget.range': 'Check this field.',
    });
  });

  it('keys the API’s issues as the form shows them', () => {
    expect(pilotErrorKey('content.themes.2')).toBe('themes');
    expect(pilotErrorKey('content.budget.sources.1')).toBe('budget.sources');
    expect(pilotErrorKey('content.indicators.1.men')).toBe('indicators.1.men');
    expect(
      pilotIssuesByField([
        { path: 'content.indicators.0.men' },
        { path: 'content.title' },
        { path: 'version' },
      ]),
    ).toEqual({ 'indicators.0.men': 'Enter a number, such as 1250.', title: 'This text is too long.' });
  });

  it('adds and removes rows without losing what was typed', () => {
    const form = pilotFormFromData(posted(complete));
    const more = reshapePilotForm(form, 'addCountry');
    expect(more.countries).toHaveLength(4);
    expect(more.countries[0]).toEqual({ code: 'PH', role: 'origin' });
    const fewer = reshapePilotForm(form, 'removeIndicator', 0);
    expect(fewer.indicators).toEqual([{ indicator: '', unit: '', women: '', men: '' }]);
    expect(fewer.text.title).toBe('Safe corridors');
  });
});

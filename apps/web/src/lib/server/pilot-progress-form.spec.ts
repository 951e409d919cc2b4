import { describe, expect, it } from 'vitest';
import {
  CreatePilotMilestoneInput,
  CreatePilotReportInput,
  type Pilot,
  type PilotReport,
  UpdatePilotMilestoneInput,
  UpdatePilotReportInput,
} from '@pathways/contracts';
import {
  figureFields,
  milestoneBody,
  milestoneUpdateBody,
  onFormRows,
  progressIndicators,
  reportBody,
  reportFormValues,
  reportInput,
  reportUpdateBody,
} from './pilot-progress-form';

const posted = (entries: [string, string][]): FormData => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

const at = '2027-06-01T00:00:00.000Z';
const org = {
  id: '00000000-0000-4000-8000-0000000000a0',
  name: 'Ministry',
  kind: 'government' as const,
  country: 'PH',
};

describe('pilot milestone and report forms', () => {
  it('turns a posted milestone into the body the API takes', () => {
    const body = milestoneBody(
      posted([
        ['title', ' Helpline opens '],
        ['dueDate', '2027-03-01'],
        ['status', 'in_progress'],
        ['progress', '40'],
      ]),
    );
    expect(body).toEqual({
      title: 'Helpline opens',
      dueDate: '2027-03-01',
      status: 'in_progress',
      progress: 40,
    });
    expect(CreatePilotMilestoneInput.parse(body)).toEqual(body);
    // Left empty, status and progress take the API's defaults; a word for a number is refused there.
    expect(
      CreatePilotMilestoneInput.parse(
        milestoneBody(
          posted([
            ['title', 'A'],
            ['dueDate', '2027-03-01'],
            ['progress', ''],
          ]),
        ),
      ),
    ).toEqual({
      title: 'A',
      dueDate: '2027-03-01',
      status: 'planned',
      progress: 0,
    });
    expect(
      CreatePilotMilestoneInput.safeParse(
        milestoneBody(
          posted([
            ['title', 'A'],
            ['dueDate', '2027-03-01'],
            ['progress', 'half'],
          ]),
        ),
      ).success,
    ).toBe(false);
  });

  it('sends a milestone update with the version the row showed', () => {
    const { id, body } = milestoneUpdateBody(
      posted([
        ['id', 'm1'],
        ['status', 'done'],
        ['progress', '100'],
        ['version', '3'],
      ]),
    );
    expect(id).toBe('m1');
    expect(UpdatePilotMilestoneInput.parse(body)).toEqual({ status: 'done', progress: 100, version: 3 });
  });

  it('sends only the indicator rows with a figure, and the lead’s compiled box', () => {
    const body = reportBody(
      posted([
        ['organisationId', org.id],
        ['compiled', 'on'],
        ['period.start', '2027-01-01'],
        ['period.end', '2027-06-30'],
        ['narrative', ' First half '],
        ['indicators.0.indicator', 'Workers oriented'],
        ['indicators.0.women', '800'],
        ['indicators.0.men', ''],
        ['indicators.1.indicator', 'Cases resolved'],
        ['indicators.1.women', ''],
        ['indicators.1.men', ''],
      ]),
    );
    expect(body).toEqual({
      organisationId: org.id,
      compiled: true,
      period: { start: '2027-01-01', end: '2027-06-30' },
      narrative: 'First half',
      indicators: [{ indicator: 'Workers oriented', women: 800, men: null }],
    });
    expect(CreatePilotReportInput.parse(body)).toEqual(body);
    expect(
      reportBody(
        posted([
          ['period.start', ''],
          ['period.end', ''],
        ]),
      ),
    ).toMatchObject({ compiled: false, indicators: [] });
  });

  it('sends a draft’s changes with its version, every figure replaced, and keeps what was typed', () => {
    const data = posted([
      ['id', 'r1'],
      ['version', '4'],
      ['period.start', '2027-01-01'],
      ['period.end', '2027-06-30'],
      ['narrative', 'Two cohorts'],
      ['indicators.0.indicator', 'Workers oriented'],
      ['indicators.0.women', ''],
      ['indicators.0.men', ''],
      ['indicators.1.indicator', 'Cases resolved'],
      ['indicators.1.women', '12'],
      ['indicators.1.men', 'some'],
    ]);
    const { id, body } = reportUpdateBody(data);
    expect(id).toBe('r1');
    expect(body).toEqual({
      period: { start: '2027-01-01', end: '2027-06-30' },
      narrative: 'Two cohorts',
      indicators: [{ indicator: 'Cases resolved', women: 12, men: 'some' }],
      version: 4,
    });
    // The word is refused at its place among the figures sent (0), and shown on its form row (1).
    const refused = UpdatePilotReportInput.safeParse(body);
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['indicators.0.men']);
    expect(Object.keys(figureFields(data))).toEqual([
      'indicators.0.indicator',
      'indicators.0.women',
      'indicators.0.men',
    ]);
    expect(
      onFormRows({ 'indicators.0.men': 'Enter a number', 'period.end': 'Too early', '(body)': 'x' }, data),
    ).toEqual({ 'indicators.1.men': 'Enter a number', 'period.end': 'Too early', '(body)': 'x' });
    expect(reportInput(data)).toEqual({
      id: 'r1',
      version: '4',
      organisationId: '',
      'period.start': '2027-01-01',
      'period.end': '2027-06-30',
      narrative: 'Two cohorts',
      'indicators.0.women': '',
      'indicators.0.men': '',
      'indicators.1.women': '12',
      'indicators.1.men': 'some',
    });
    expect(reportInput(posted([['compiled', 'on']]))).toMatchObject({ compiled: 'on' });
  });

  it('fills a draft’s edit form on the rows of the pilot’s targets', () => {
    const draft = {
      id: 'r1',
      version: 2,
      period: { start: '2027-01-01', end: '2027-06-30' },
      narrative: 'So far',
      indicators: [{ indicator: 'Cases resolved', women: 0, men: null }],
    } as unknown as PilotReport;
    expect(
      reportFormValues(draft, [{ indicator: 'Workers oriented' }, { indicator: 'Cases resolved' }]),
    ).toEqual({
      id: 'r1',
      version: '2',
      'period.start': '2027-01-01',
      'period.end': '2027-06-30',
      narrative: 'So far',
      'indicators.0.women': '',
      'indicators.0.men': '',
      'indicators.1.women': '0',
      'indicators.1.men': '',
    });
  });

  it('sets the targets against the latest submitted compiled report', () => {
    const pilot = {
      content: {
        indicators: [
          { indicator: 'Workers oriented', unit: 'people', women: 2000, men: 150 },
          { indicator: 'Cases resolved', women: 300, men: null },
        ],
      },
    } as unknown as Pilot;
    const report = (
      id: string,
      compiled: boolean,
      submittedAt: string | null,
      women: number,
    ): PilotReport => ({
      id,
      pilotId: 'p',
      organisation: org,
      period: { start: '2027-01-01', end: '2027-06-30' },
      narrative: '',
      indicators: [{ indicator: 'Workers oriented', women, men: 10 }],
      compiled,
      submittedAt,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
    const progress = progressIndicators(pilot, [
      report('old', true, '2027-02-01T00:00:00.000Z', 100),
      report('part', false, '2027-07-01T00:00:00.000Z', 999),
      report('draft', true, null, 555),
      report('new', true, '2027-07-02T00:00:00.000Z', 800),
    ]);
    expect(progress).toEqual([
      {
        indicator: 'Workers oriented',
        unit: 'people',
        target: { women: 2000, men: 150 },
        actual: { women: 800, men: 10 },
      },
      {
        indicator: 'Cases resolved',
        unit: null,
        target: { women: 300, men: null },
        actual: { women: null, men: null },
      },
    ]);
  });
});

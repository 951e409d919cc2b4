import { describe, expect, it } from 'vitest';
import {
  CreatePilotMilestoneInput,
  CreatePilotReportInput,
  type Pilot,
  type PilotReport,
  UpdatePilotMilestoneInput,
} from '@pathways/contracts';
import { milestoneBody, milestoneUpdateBody, progressIndicators, reportBody } from './pilot-progress-form';

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

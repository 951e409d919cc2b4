import { describe, expect, it } from 'vitest';
import { checkPilotReportingEnv, durationMs, pilotReportingEnvShape } from './duration';
import {
  acceptsReports,
  CreatePilotMilestoneInput,
  CreatePilotReportInput,
  pilotReporting,
  unknownReportIndicators,
} from './pilot-report';
import { z } from 'zod';

const thresholds = { yellowAfterMs: 10_000, redAfterMs: 20_000 };
const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);

describe('durationMs', () => {
  it.each([
    ['PT5S', 5_000],
    ['PT1.5S', 1_500],
    ['P30D', 30 * 86_400_000],
    ['P1W', 7 * 86_400_000],
    ['PT1H30M', 5_400_000],
    ['P12M', Math.round(365.25 * 86_400_000)],
    ['P1Y', Math.round(365.25 * 86_400_000)],
    ['2500', 2_500],
  ])('reads %s', (text, ms) => expect(durationMs(text)).toBe(ms));

  it.each(['', 'P', 'PT', '5s', 'P1H', '-5', 'twelve months'])('refuses %j', (text) =>
    expect(durationMs(text)).toBeNull(),
  );
});

describe('reporting settings', () => {
  const Env = z.object(pilotReportingEnvShape).superRefine(checkPilotReportingEnv);
  it('defaults to 12 and 24 months with a reminder 30 days ahead', () => {
    expect(Env.parse({})).toEqual({
      PILOT_REPORTING_YELLOW_AFTER: Math.round(365.25 * 86_400_000),
      PILOT_REPORTING_RED_AFTER: Math.round(2 * 365.25 * 86_400_000),
      PILOT_REPORT_REMINDER_BEFORE: 30 * 86_400_000,
    });
  });
  it('names each variable that is malformed or out of order', () => {
    const paths = (env: object) => Env.safeParse(env).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ PILOT_REPORTING_YELLOW_AFTER: 'a year' })).toEqual(['PILOT_REPORTING_YELLOW_AFTER']);
    expect(
      paths({
        PILOT_REPORTING_YELLOW_AFTER: 'PT5S',
        PILOT_REPORTING_RED_AFTER: 'PT5S',
        PILOT_REPORT_REMINDER_BEFORE: 'PT6S',
      }),
    ).toEqual(['PILOT_REPORTING_RED_AFTER', 'PILOT_REPORT_REMINDER_BEFORE']);
  });
});

describe('pilotReporting', () => {
  const active = { status: 'active', activatedAt: at(0) };
  it('counts from activation until the first report, then from the report', () => {
    expect(pilotReporting(active, null, at(5), thresholds)).toEqual({
      status: 'green',
      lastReportAt: null,
      nextDueAt: at(10).toISOString(),
    });
    expect(pilotReporting(active, null, at(10), thresholds).status).toBe('yellow');
    expect(pilotReporting(active, null, at(20), thresholds).status).toBe('red');
    expect(pilotReporting(active, at(15), at(20), thresholds)).toEqual({
      status: 'green',
      lastReportAt: at(15).toISOString(),
      nextDueAt: at(25).toISOString(),
    });
  });
  it('shows no light for a pilot that is not running', () => {
    for (const status of ['forming', 'completed', 'closed'])
      expect(pilotReporting({ status, activatedAt: at(0) }, at(1), at(100), thresholds)).toEqual({
        status: 'none',
        lastReportAt: at(1).toISOString(),
        nextDueAt: null,
      });
  });
});

describe('acceptsReports', () => {
  it('while active, and one reporting interval after completion', () => {
    expect(acceptsReports({ status: 'active', completedAt: null }, at(0), thresholds)).toBe(true);
    expect(acceptsReports({ status: 'completed', completedAt: at(0) }, at(9), thresholds)).toBe(true);
    expect(acceptsReports({ status: 'completed', completedAt: at(0) }, at(10), thresholds)).toBe(false);
    expect(acceptsReports({ status: 'closed', completedAt: null }, at(0), thresholds)).toBe(false);
  });
});

describe('report inputs', () => {
  const targets = [{ indicator: 'Women trained' }, { indicator: 'Jobs found' }];
  it('names indicators that are not among the targets, and repeats', () => {
    expect(
      unknownReportIndicators(
        [{ indicator: 'Women trained' }, { indicator: 'Smiles' }, { indicator: ' Women trained ' }],
        targets,
      ),
    ).toEqual([
      { path: 'indicators.1.indicator', message: '"Smiles" is not one of the pilot\'s target indicators' },
      { path: 'indicators.2.indicator', message: '"Women trained" is reported twice' },
    ]);
  });
  it('fills defaults and checks the period and progress', () => {
    expect(CreatePilotReportInput.parse({ period: { start: '2026-01-01', end: '2026-03-31' } })).toEqual({
      compiled: false,
      period: { start: '2026-01-01', end: '2026-03-31' },
      narrative: '',
      indicators: [],
    });
    const issues = CreatePilotMilestoneInput.safeParse({
      title: ' ',
      dueDate: '2026-13-01',
      progress: -1,
    }).error?.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(['title', 'dueDate', 'progress']);
  });
});

import { describe, expect, it } from 'vitest';
import { pilotReportingEnvShape, pilotReportingSettings } from './pilot-reporting-settings';
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

describe('reporting settings', () => {
  const Env = z.object(pilotReportingEnvShape);
  const day = 86_400_000;
  it('defaults to 12 and 24 months with a reminder 30 days ahead', () => {
    expect(pilotReportingSettings(Env.parse({}), 86_400)).toEqual({
      settings: {
        yellowAfterMs: Math.round(365.25 * day),
        redAfterMs: Math.round(2 * 365.25 * day),
        reminderBeforeMs: 30 * day,
      },
      issues: [],
    });
  });
  it('compresses months and days with DAY_SECONDS', () => {
    const env = Env.parse({
      PILOT_REPORTING_YELLOW_AFTER: '0.1',
      PILOT_REPORTING_RED_AFTER: '0.2',
      PILOT_REPORT_REMINDER_BEFORE: '1',
    });
    expect(pilotReportingSettings(env, 1).settings).toEqual({
      yellowAfterMs: 3_044,
      redAfterMs: 6_088,
      reminderBeforeMs: 1_000,
    });
  });
  it('names each variable that is malformed or out of order', () => {
    expect(Env.safeParse({ PILOT_REPORTING_YELLOW_AFTER: 'a year' }).error?.issues[0].path).toEqual([
      'PILOT_REPORTING_YELLOW_AFTER',
    ]);
    expect(Env.safeParse({ PILOT_REPORT_REMINDER_BEFORE: '-1' }).success).toBe(false);
    const env = Env.parse({
      PILOT_REPORTING_YELLOW_AFTER: '1',
      PILOT_REPORTING_RED_AFTER: '1',
      PILOT_REPORT_REMINDER_BEFORE: '31',
    });
    expect(pilotReportingSettings(env, 86_400).issues.map((i) => i.path)).toEqual([
      'PILOT_REPORTING_RED_AFTER',
      'PILOT_REPORT_REMINDER_BEFORE',
    ]);
  });
});

describe('pilotReporting', () => {
  const active = { status: 'active', activatedAt: at(0), completedAt: null, closedAt: null };
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
  it('keeps the light of a pilot that completed or closed as it was at its end, with no report due', () => {
    const ended = [
      { status: 'completed', activatedAt: at(0), completedAt: at(8), closedAt: null },
      { status: 'closed', activatedAt: at(0), completedAt: null, closedAt: at(8) },
    ];
    for (const pilot of ended) {
      // Reported at 1, ended at 8: still green at 15 and at 40, where an active pilot is red.
      expect(pilotReporting(pilot, at(1), at(40), thresholds)).toEqual({
        status: 'green',
        lastReportAt: at(1).toISOString(),
        nextDueAt: null,
      });
      // Ended at 12 having last reported at 1: yellow then, and forever.
      expect(
        pilotReporting(
          { ...pilot, completedAt: pilot.completedAt && at(12), closedAt: pilot.closedAt && at(12) },
          at(1),
          at(40),
          thresholds,
        ).status,
      ).toBe('yellow');
    }
    // A final report after completion counts.
    expect(pilotReporting(ended[0], at(9), at(40), thresholds).status).toBe('green');
    expect(
      pilotReporting(
        { status: 'forming', activatedAt: null, completedAt: null, closedAt: null },
        null,
        at(15),
        thresholds,
      ),
    ).toEqual({ status: 'none', lastReportAt: null, nextDueAt: null });
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

import { z } from 'zod';

const second = 1000;
const day = 24 * 60 * 60 * second;
/** A month as 365.25 / 12 days, so P12M is the same year as `defaultReportingThresholds`. */
const month = (365.25 / 12) * day;
const units: Record<string, number> = {
  Y: 12 * month,
  M: month,
  W: 7 * day,
  D: day,
  H: 60 * 60 * second,
  m: 60 * second,
  S: second,
};
const iso =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Milliseconds of an ISO-8601 duration (`P12M`, `P30D`, `PT5S`) or of a plain count of
 * milliseconds (`5000`), or null when it is neither. Months are 365.25 / 12 days.
 */
export function durationMs(text: string): number | null {
  const value = text.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const match = iso.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) return null;
  const [, y, mo, w, d, h, mi, s] = match;
  const parts: [string | undefined, number][] = [
    [y, units.Y],
    [mo, units.M],
    [w, units.W],
    [d, units.D],
    [h, units.H],
    [mi, units.m],
    [s, units.S],
  ];
  return Math.round(parts.reduce((sum, [n, unit]) => sum + (n ? Number(n) * unit : 0), 0));
}

/** An environment variable holding a duration, parsed to milliseconds. */
export const DurationSetting = z.string().transform((text, ctx) => {
  const ms = durationMs(text);
  if (ms === null) {
    ctx.addIssue({
      code: 'custom',
      message: 'use an ISO-8601 duration such as P12M or PT5S, or milliseconds',
    });
    return z.NEVER;
  }
  return ms;
});

/** The reporting thresholds and the reminder lead time, in milliseconds (api and worker config). */
export interface PilotReportingSettings {
  yellowAfterMs: number;
  redAfterMs: number;
  reminderBeforeMs: number;
}

/**
 * The environment variables that set them, shared by the API (which shows the light) and the worker
 * (which reminds): the light turns yellow after PILOT_REPORTING_YELLOW_AFTER without a report, red
 * after PILOT_REPORTING_RED_AFTER, and the reminder goes PILOT_REPORT_REMINDER_BEFORE the yellow.
 */
export const pilotReportingEnvShape = {
  PILOT_REPORTING_YELLOW_AFTER: DurationSetting.prefault('P12M'),
  PILOT_REPORTING_RED_AFTER: DurationSetting.prefault('P24M'),
  PILOT_REPORT_REMINDER_BEFORE: DurationSetting.prefault('P30D'),
};

/** Adds an issue per variable out of order: red after yellow, the reminder before yellow and not before it is set. */
export function checkPilotReportingEnv(
  env: {
    PILOT_REPORTING_YELLOW_AFTER: number;
    PILOT_REPORTING_RED_AFTER: number;
    PILOT_REPORT_REMINDER_BEFORE: number;
  },
  ctx: z.RefinementCtx,
): void {
  const yellow = env.PILOT_REPORTING_YELLOW_AFTER;
  if (yellow <= 0)
    ctx.addIssue({
      code: 'custom',
      path: ['PILOT_REPORTING_YELLOW_AFTER'],
      message: 'must be longer than zero',
    });
  if (env.PILOT_REPORTING_RED_AFTER <= yellow)
    ctx.addIssue({
      code: 'custom',
      path: ['PILOT_REPORTING_RED_AFTER'],
      message: 'must be longer than PILOT_REPORTING_YELLOW_AFTER',
    });
  if (env.PILOT_REPORT_REMINDER_BEFORE >= yellow)
    ctx.addIssue({
      code: 'custom',
      path: ['PILOT_REPORT_REMINDER_BEFORE'],
      message: 'must be shorter than PILOT_REPORTING_YELLOW_AFTER',
    });
}

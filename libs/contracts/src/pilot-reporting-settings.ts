import { z } from 'zod';

/** A month of the reporting light: a twelfth of 365.25 days, as `defaultReportingThresholds` counts. */
const monthDays = 365.25 / 12;

/** The reporting thresholds and the reminder lead time, in milliseconds. */
export interface PilotReportingSettings {
  yellowAfterMs: number;
  redAfterMs: number;
  reminderBeforeMs: number;
}

const months = (fallback: number) =>
  z.coerce.number({ error: 'a number of months' }).positive('more than 0 months').default(fallback);

/**
 * The variables that set them, read by the API (the light) and the worker (the reminders) alike,
 * as the registry reads the first two: the light turns yellow after PILOT_REPORTING_YELLOW_AFTER
 * months without a report (12), red after PILOT_REPORTING_RED_AFTER (24), and the focal points are
 * reminded PILOT_REPORT_REMINDER_BEFORE days before it turns yellow (30; 0 = no reminder). Months
 * and days are scaled by DAY_SECONDS, so a stack with compressed days has compressed months too.
 */
export const pilotReportingEnvShape = {
  PILOT_REPORTING_YELLOW_AFTER: months(12),
  PILOT_REPORTING_RED_AFTER: months(24),
  PILOT_REPORT_REMINDER_BEFORE: z.coerce
    .number({ error: 'a number of days' })
    .min(0, '0 days or more')
    .default(30),
};

type PilotReportingEnv = z.infer<z.ZodObject<typeof pilotReportingEnvShape>>;

/** The settings in milliseconds, or the variables out of order, each with what is wrong. */
export function pilotReportingSettings(
  env: PilotReportingEnv,
  daySeconds: number,
): { settings: PilotReportingSettings; issues: { path: string; message: string }[] } {
  const day = daySeconds * 1000;
  const settings = {
    yellowAfterMs: Math.round(env.PILOT_REPORTING_YELLOW_AFTER * monthDays * day),
    redAfterMs: Math.round(env.PILOT_REPORTING_RED_AFTER * monthDays * day),
    reminderBeforeMs: Math.round(env.PILOT_REPORT_REMINDER_BEFORE * day),
  };
  const issues: { path: string; message: string }[] = [];
  if (env.PILOT_REPORTING_RED_AFTER <= env.PILOT_REPORTING_YELLOW_AFTER)
    issues.push({
      path: 'PILOT_REPORTING_RED_AFTER',
      message: 'must be more months than PILOT_REPORTING_YELLOW_AFTER',
    });
  if (settings.reminderBeforeMs >= settings.yellowAfterMs)
    issues.push({
      path: 'PILOT_REPORT_REMINDER_BEFORE',
      message: 'must be shorter than PILOT_REPORTING_YELLOW_AFTER',
    });
  return { settings, issues };
}

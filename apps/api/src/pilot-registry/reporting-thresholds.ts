import { type ReportingThresholds } from '@pathways/contracts';
import { z } from 'zod';
import { ConfigError } from '../config/api-config';

/** A month of the reporting light: a twelfth of 365.25 days, as `defaultReportingThresholds` counts. */
const monthDays = 365.25 / 12;

const Months = (fallback: number) =>
  z.coerce.number({ error: 'a number of months' }).positive('more than 0 months').default(fallback);

/**
 * The thresholds of the reporting light, in months (fractions allowed), read from
 * PILOT_REPORTING_YELLOW_AFTER and PILOT_REPORTING_RED_AFTER (12 and 24 by default). A month is
 * scaled by DAY_SECONDS, so a stack with compressed days has compressed months too.
 */
export const ReportingThresholdsEnv = z
  .object({
    PILOT_REPORTING_YELLOW_AFTER: Months(12),
    PILOT_REPORTING_RED_AFTER: Months(24),
  })
  .refine((env) => env.PILOT_REPORTING_RED_AFTER > env.PILOT_REPORTING_YELLOW_AFTER, {
    message: 'must be more months than PILOT_REPORTING_YELLOW_AFTER',
    path: ['PILOT_REPORTING_RED_AFTER'],
  });

export const REPORTING_THRESHOLDS = Symbol('REPORTING_THRESHOLDS');

export function loadReportingThresholds(
  env: Record<string, string | undefined>,
  daySeconds: number,
): ReportingThresholds {
  const result = ReportingThresholdsEnv.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const month = monthDays * daySeconds * 1000;
  return {
    yellowAfterMs: Math.round(result.data.PILOT_REPORTING_YELLOW_AFTER * month),
    redAfterMs: Math.round(result.data.PILOT_REPORTING_RED_AFTER * month),
  };
}

import { z } from 'zod';
import { Figure, IsoDate, text } from './practice';

export const pilotMilestoneStatuses = ['planned', 'in_progress', 'done', 'delayed', 'cancelled'] as const;
export const PilotMilestoneStatus = z.enum(pilotMilestoneStatuses, {
  error: `Choose one of: ${pilotMilestoneStatuses.join(', ')}`,
});
export type PilotMilestoneStatus = z.infer<typeof PilotMilestoneStatus>;

/** A reported value for women and men of one of the pilot's target indicators. */
export const PilotReportIndicator = z
  .object({
    indicator: text('The indicator', 300).min(1, 'Name the indicator'),
    women: Figure,
    men: Figure,
  })
  .strict();
export type PilotReportIndicator = z.infer<typeof PilotReportIndicator>;

export const PilotReportPeriod = z
  .object({ start: IsoDate, end: IsoDate })
  .strict()
  .refine((p) => p.start <= p.end, { message: 'The period must end after it starts', path: ['end'] });

/** Public reporting status of a pilot, shown as a traffic light (issue 5). */
export const reportingStatuses = ['green', 'yellow', 'red', 'none'] as const;
export const ReportingStatus = z.enum(reportingStatuses, {
  error: `Choose one of: ${reportingStatuses.join(', ')}`,
});
export type ReportingStatus = z.infer<typeof ReportingStatus>;

/** How old the last report may be before the light turns yellow, then red (configurable). */
export interface ReportingThresholds {
  yellowAfterMs: number;
  redAfterMs: number;
}
const day = 24 * 60 * 60 * 1000;
/** 12 and 24 months, as months of 365.25 / 12 days. */
export const defaultReportingThresholds: ReportingThresholds = {
  yellowAfterMs: Math.round(365.25 * day),
  redAfterMs: Math.round(2 * 365.25 * day),
};

/**
 * Green while the last submitted report is younger than the yellow threshold, yellow until the red
 * one, red beyond. A pilot that has not reported yet is measured from when it became active, so a
 * new pilot starts green and an active pilot that never reports still turns red; one never active
 * has no light.
 */
export function reportingStatus(
  lastReportAt: Date | null,
  activatedAt: Date | null,
  now: Date,
  thresholds: ReportingThresholds = defaultReportingThresholds,
): ReportingStatus {
  const since = lastReportAt ?? activatedAt;
  if (!since) return 'none';
  const age = now.getTime() - since.getTime();
  if (age < thresholds.yellowAfterMs) return 'green';
  if (age < thresholds.redAfterMs) return 'yellow';
  return 'red';
}

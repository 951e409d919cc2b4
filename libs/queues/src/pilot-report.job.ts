import { z } from 'zod';
import { WorkflowEffectPayload } from './notification.job';

/** Reporting timers of active pilots, on the reminders queue (issue 5). */
export const PilotReportJob = {
  /** Sets (or resets) a pilot's reporting timers from its last report: on activation and each submission. */
  ScheduleReporting: 'schedule-pilot-reporting',
  RemindReport: 'remind-pilot-report',
} as const;

/** The pilot workflow's `activate` effect, or the API after a report is submitted (`{ pilotId }`). */
export const SchedulePilotReportingPayload = z.union([
  WorkflowEffectPayload,
  z.strictObject({ pilotId: z.uuid('pilotId must be a UUID') }),
]);
export type SchedulePilotReportingPayload = z.infer<typeof SchedulePilotReportingPayload>;

/** Before the report falls due, when the light turns yellow, when it turns red. */
export const pilotReportMoments = ['due_soon', 'yellow', 'red'] as const;
export type PilotReportMoment = (typeof pilotReportMoments)[number];

export const RemindPilotReportPayload = z.strictObject({
  pilotId: z.uuid('pilotId must be a UUID'),
  moment: z.enum(pilotReportMoments, { error: `moment is one of: ${pilotReportMoments.join(', ')}` }),
  /** The report time (or activation) the timer was counted from: a later report makes it moot. */
  since: z.iso.datetime({ error: 'since must be an ISO date-time' }),
});
export type RemindPilotReportPayload = z.infer<typeof RemindPilotReportPayload>;

/** One timer per pilot and moment: scheduling again replaces it. */
export const pilotReportTimerId = (pilotId: string, moment: PilotReportMoment) =>
  `pilot-${pilotId}-report-${moment.replace('_', '-')}`;

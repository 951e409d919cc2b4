import { z } from 'zod';
import { pageOf, PageQuery } from './pagination';
import { PilotOrganisation } from './pilot';
import {
  PilotMilestoneStatus,
  PilotReportIndicator,
  PilotReportPeriod,
  ReportingStatus,
  reportingStatus,
  type ReportingThresholds,
} from './pilot-progress';
import { IsoDate, text, Version } from './practice';

const Progress = z
  .number({ error: 'Give the progress as a whole percentage' })
  .int('Give the progress as a whole percentage')
  .min(0, 'Progress is between 0 and 100')
  .max(100, 'Progress is between 0 and 100');
const MilestoneTitle = text('The title', 300).min(1, 'Give the milestone a title');

export const PilotMilestone = z.object({
  id: z.uuid(),
  pilotId: z.uuid(),
  title: z.string(),
  dueDate: IsoDate,
  status: PilotMilestoneStatus,
  progress: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type PilotMilestone = z.infer<typeof PilotMilestone>;

export const PilotMilestoneList = z.object({ items: z.array(PilotMilestone) });
export type PilotMilestoneList = z.infer<typeof PilotMilestoneList>;

export const CreatePilotMilestoneInput = z
  .object({
    title: MilestoneTitle,
    dueDate: IsoDate,
    status: PilotMilestoneStatus.default('planned'),
    progress: Progress.default(0),
  })
  .strict();
export type CreatePilotMilestoneInput = z.infer<typeof CreatePilotMilestoneInput>;

/** Changes some fields of a milestone the caller last saw at `version`. */
export const UpdatePilotMilestoneInput = z
  .object({
    title: MilestoneTitle.optional(),
    dueDate: IsoDate.optional(),
    status: PilotMilestoneStatus.optional(),
    progress: Progress.optional(),
    version: Version,
  })
  .strict();
export type UpdatePilotMilestoneInput = z.infer<typeof UpdatePilotMilestoneInput>;

const ReportIndicators = z
  .array(PilotReportIndicator, { error: 'Give a list of indicators' })
  .max(50, 'At most 50 indicators');

/**
 * A progress report: a partner organisation's part, or the lead's compiled report for the whole
 * pilot. Drafts are seen only by the organisation writing them; once submitted it never changes.
 */
export const PilotReport = z.object({
  id: z.uuid(),
  pilotId: z.uuid(),
  organisation: PilotOrganisation,
  period: z.object({ start: IsoDate, end: IsoDate }),
  narrative: z.string(),
  indicators: z.array(PilotReportIndicator),
  compiled: z.boolean(),
  submittedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type PilotReport = z.infer<typeof PilotReport>;

export const PilotReportPage = pageOf(PilotReport);
export type PilotReportPage = z.infer<typeof PilotReportPage>;

export const pilotReportStates = ['draft', 'submitted'] as const;

/** `state` keeps to the submitted reports, or to the caller's own drafts; both when left out. */
export const PilotReportListQuery = PageQuery.extend({
  state: z.enum(pilotReportStates, { error: 'state is draft or submitted' }).optional(),
}).strict();
export type PilotReportListQuery = z.infer<typeof PilotReportListQuery>;

/**
 * A new draft. `organisationId` may be left out when the caller belongs to one partner of the pilot
 * only. Indicator names must be among the pilot's target indicators (checked by the API, 400).
 */
export const CreatePilotReportInput = z
  .object({
    organisationId: z.uuid({ error: 'Choose the partner organisation the report is for' }).optional(),
    compiled: z.boolean({ error: 'compiled is true or false' }).default(false),
    period: PilotReportPeriod,
    narrative: text('The narrative', 20_000).default(''),
    indicators: ReportIndicators.default([]),
  })
  .strict();
export type CreatePilotReportInput = z.infer<typeof CreatePilotReportInput>;

export const UpdatePilotReportInput = z
  .object({
    period: PilotReportPeriod.optional(),
    narrative: text('The narrative', 20_000).optional(),
    indicators: ReportIndicators.optional(),
    version: Version,
  })
  .strict();
export type UpdatePilotReportInput = z.infer<typeof UpdatePilotReportInput>;

export const SubmitPilotReportInput = z.object({ version: Version }).strict();
export type SubmitPilotReportInput = z.infer<typeof SubmitPilotReportInput>;

/** A removal (of a draft report, of a milestone) names the version the caller saw: `?version=3`. */
export const RemovalQuery = z
  .object({
    version: z.coerce
      .number({ error: 'version is required' })
      .int('version is a whole number')
      .min(1, 'version starts at 1'),
  })
  .strict();
export type RemovalQuery = z.infer<typeof RemovalQuery>;

/** Indicator rows naming no target of the pilot, as `indicators.N.indicator` issues; also repeats. */
export function unknownReportIndicators(
  indicators: readonly { indicator: string }[],
  targets: readonly { indicator: string }[],
): { path: string; message: string }[] {
  const known = new Set(targets.map((t) => t.indicator.trim()));
  const seen = new Set<string>();
  const issues: { path: string; message: string }[] = [];
  indicators.forEach(({ indicator }, i) => {
    const name = indicator.trim();
    const path = `indicators.${i}.indicator`;
    if (!known.has(name))
      issues.push({ path, message: `"${name}" is not one of the pilot's target indicators` });
    else if (seen.has(name)) issues.push({ path, message: `"${name}" is reported twice` });
    seen.add(name);
  });
  return issues;
}

export const PilotReporting = z.object({
  status: ReportingStatus,
  /** When the lead's last compiled report was submitted; null before any. */
  lastReportAt: z.iso.datetime().nullable(),
  /** When the light turns yellow unless a compiled report comes first; null unless the pilot is active. */
  nextDueAt: z.iso.datetime().nullable(),
  thresholds: z.object({ yellowAfterMs: z.number().int(), redAfterMs: z.number().int() }),
});
export type PilotReporting = z.infer<typeof PilotReporting>;

/**
 * The light of a pilot, as the registry shows it: from activation on, the age of the lead's last
 * submitted compiled report (or of the activation, before the first) against the thresholds; a
 * pilot never active has none. An ended pilot's light stops ageing when it completed or was closed
 * (a final report sent after completion still counts). Only an active pilot has a report due.
 */
export function pilotReporting(
  pilot: { status: string; activatedAt: Date | null; completedAt: Date | null; closedAt: Date | null },
  lastReportAt: Date | null,
  now: Date,
  thresholds: ReportingThresholds,
): Omit<PilotReporting, 'thresholds'> {
  const since = lastReportAt ?? pilot.activatedAt;
  const endedAt = pilot.completedAt ?? pilot.closedAt;
  const at = endedAt && endedAt < now ? endedAt : now;
  return {
    status: reportingStatus(lastReportAt, pilot.activatedAt, at, thresholds),
    lastReportAt: lastReportAt?.toISOString() ?? null,
    nextDueAt:
      pilot.status === 'active' && since
        ? new Date(since.getTime() + thresholds.yellowAfterMs).toISOString()
        : null,
  };
}

/**
 * Whether a pilot takes reports now: while active, and for one reporting interval after it
 * completed, so partners can still send the final report.
 */
export function acceptsReports(
  pilot: { status: string; completedAt: Date | null },
  now: Date,
  thresholds: Pick<ReportingThresholds, 'yellowAfterMs'>,
): boolean {
  if (pilot.status === 'active') return true;
  return (
    pilot.status === 'completed' &&
    !!pilot.completedAt &&
    now.getTime() - pilot.completedAt.getTime() < thresholds.yellowAfterMs
  );
}

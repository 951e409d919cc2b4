import type {
  PilotMilestone as MilestoneDto,
  PilotOrganisation,
  PilotReport as ReportDto,
} from '@pathways/contracts';
import type { Organisation, PilotMilestone, PilotReport } from '@pathways/persistence';

const organisationDto = (o: Organisation): PilotOrganisation => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  country: o.country,
});

export const toMilestoneDto = (m: PilotMilestone): MilestoneDto => ({
  id: m.id,
  pilotId: m.pilot.id,
  title: m.title,
  dueDate: m.dueDate,
  status: m.status,
  progress: m.progress,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
  version: m.version,
});

export const toReportDto = (r: PilotReport): ReportDto => ({
  id: r.id,
  pilotId: r.pilot.id,
  organisation: organisationDto(r.organisation),
  period: { start: r.periodStart, end: r.periodEnd },
  narrative: r.narrative,
  indicators: r.indicators,
  compiled: r.compiled,
  submittedAt: r.submittedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

import type { EntityManager } from '@mikro-orm/postgresql';
import { PilotReport } from '../entities';

/** The submitted report a pilot's light is counted from, and when it was submitted. */
export interface PilotReportBasis {
  reportId: string;
  submittedAt: Date;
}

/**
 * The lead's last submitted compiled report: it speaks for the whole pilot, so the partners' own
 * parts do not move the light until the lead compiles them. The registry's SQL counts the same way;
 * the API (the light of one pilot) and the worker (the reminders) use this.
 */
export async function lastPilotReport(em: EntityManager, pilotId: string): Promise<PilotReportBasis | null> {
  const report = await em.findOne(
    PilotReport,
    { pilot: pilotId, compiled: true, submittedAt: { $ne: null } },
    { orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }], fields: ['id', 'submittedAt'] },
  );
  return report?.submittedAt ? { reportId: report.id, submittedAt: report.submittedAt } : null;
}

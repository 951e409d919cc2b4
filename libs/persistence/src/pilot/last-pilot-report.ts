import type { EntityManager } from '@mikro-orm/postgresql';
import { PilotReport } from '../entities';

/** The submitted report a pilot's light is counted from, and when it was submitted. */
export interface PilotReportBasis {
  reportId: string;
  submittedAt: Date;
}

/**
 * The lead's last submitted compiled report speaks for the pilot; until the lead has compiled one,
 * the last report any partner submitted shows the pilot is reporting. Shared by the API (the light)
 * and the worker (the reminders), so both count from the same report.
 */
export async function lastPilotReport(em: EntityManager, pilotId: string): Promise<PilotReportBasis | null> {
  const last = (compiled?: true) =>
    em.findOne(
      PilotReport,
      { pilot: pilotId, submittedAt: { $ne: null }, ...(compiled ? { compiled } : {}) },
      { orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }], fields: ['id', 'submittedAt'] },
    );
  const report = (await last(true)) ?? (await last());
  return report?.submittedAt ? { reportId: report.id, submittedAt: report.submittedAt } : null;
}

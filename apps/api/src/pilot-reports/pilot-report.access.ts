import type { EntityManager } from '@mikro-orm/postgresql';
import { Pilot, PilotMilestone, PilotPartner, PilotReport } from '@pathways/persistence';
import { asSubject } from '@pathways/permissions';
import type { Caller } from '../access/caller';
import { notFound } from '../common/domain-error';

/** A pilot as its progress routes need it: the record, its partners, and who reports for it. */
export interface PilotScope {
  pilot: Pilot;
  partners: PilotPartner[];
  /** The lead and every partner that accepted: the organisations that report. */
  reporting: Set<string>;
}

/** What CASL conditions see of a pilot (the pilots module keeps its own; this one reads only). */
export const pilotSubject = (pilot: Pilot, partners: readonly PilotPartner[]) =>
  asSubject('Pilot', {
    id: pilot.id,
    leadOrganisation: pilot.leadOrganisation.id,
    status: pilot.status,
    activatedAt: pilot.activatedAt?.toISOString() ?? null,
    partnerOrganisations: partners.map((p) => p.organisation.id),
  });

export const milestoneSubject = (pilot: Pilot) =>
  asSubject('PilotMilestone', { pilot: pilot.id, leadOrganisation: pilot.leadOrganisation.id });

export const reportSubject = (pilot: Pilot, organisationId: string) =>
  asSubject('PilotReport', {
    pilot: pilot.id,
    organisation: organisationId,
    leadOrganisation: pilot.leadOrganisation.id,
  });

/** Loads a pilot the caller may see; anything else is "not found", never "forbidden". */
export async function readablePilot(em: EntityManager, id: string, caller: Caller): Promise<PilotScope> {
  const pilot = await em.findOne(Pilot, { id }, { populate: ['leadOrganisation'] });
  if (!pilot) throw notFound('pilot');
  const partners = await em.find(PilotPartner, { pilot }, { populate: ['organisation'] });
  if (!caller.ability.can('read', pilotSubject(pilot, partners))) throw notFound('pilot');
  const reporting = new Set([
    pilot.leadOrganisation.id,
    ...partners.filter((p) => p.status === 'accepted').map((p) => p.organisation.id),
  ]);
  return { pilot, partners, reporting };
}

/**
 * Who sees a report: a submitted one, whoever sees the pilot (the public from activation on); a
 * draft, only the organisation writing it, since it is not a report of the pilot until submitted.
 */
export const canSeeReport = (report: PilotReport, pilot: Pilot, caller: Caller): boolean =>
  report.submittedAt !== null || caller.ability.can('update', reportSubject(pilot, report.organisation.id));

export async function findMilestone(
  em: EntityManager,
  scope: PilotScope,
  id: string,
): Promise<PilotMilestone> {
  const milestone = await em.findOne(PilotMilestone, { id, pilot: scope.pilot });
  if (!milestone) throw notFound('milestone');
  return milestone;
}

export async function findReport(
  em: EntityManager,
  scope: PilotScope,
  id: string,
  caller: Caller,
): Promise<PilotReport> {
  const report = await em.findOne(PilotReport, { id, pilot: scope.pilot }, { populate: ['organisation'] });
  if (!report || !canSeeReport(report, scope.pilot, caller)) throw notFound('report');
  return report;
}

import { missingForProposal } from '@pathways/contracts';
import type { Pilot, PilotPartner } from '@pathways/persistence';
import type { PilotContext } from '@pathways/workflow';

const codesWithRole = (pilot: Pilot, role: 'origin' | 'destination') =>
  (pilot.content.countries ?? []).filter((c) => c.role === role).map((c) => c.code);

/**
 * What the pilot workflow's guards need, from the pilot and its partner rows (organisations
 * loaded): the proposal's gaps, the invitations out, and who accepted and where they work.
 */
export function pilotContext(pilot: Pilot, partners: readonly PilotPartner[]): PilotContext {
  const invited = partners.filter((p) => p.role !== 'lead');
  const accepted = partners.filter((p) => p.status === 'accepted');
  // Each accepted partner, the lead included, covers its own country and those it declared.
  const covered = new Set(
    accepted.flatMap((p) => [p.organisation.country, ...p.countries]).filter((c): c is string => !!c),
  );
  return {
    missingFields: missingForProposal(pilot.content),
    invitationsSent: invited.filter((p) => p.status !== 'withdrawn').length,
    acceptedPartners: accepted.filter((p) => p.role !== 'lead').length,
    origins: codesWithRole(pilot, 'origin'),
    destinations: codesWithRole(pilot, 'destination'),
    partnerCountries: [...covered].sort(),
  };
}

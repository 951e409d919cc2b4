import type { Pilot, PilotPartner } from '@pathways/persistence';
import { asSubject } from '@pathways/permissions';

/**
 * What CASL conditions see of a pilot: relations as ids, and every organisation invited to it
 * (whatever its answer), whose members may follow it.
 */
export const pilotSubject = (pilot: Pilot, partners: readonly PilotPartner[]) =>
  asSubject('Pilot', {
    id: pilot.id,
    leadOrganisation: pilot.leadOrganisation.id,
    status: pilot.status,
    activatedAt: pilot.activatedAt?.toISOString() ?? null,
    partnerOrganisations: partners.map((p) => p.organisation.id),
  });

/** An invitation or partnership, with its pilot's lead so the lead's rules can name it. */
export const pilotPartnerSubject = (partner: PilotPartner, pilot: Pilot) =>
  asSubject('PilotPartner', {
    id: partner.id,
    pilot: pilot.id,
    organisation: partner.organisation.id,
    leadOrganisation: pilot.leadOrganisation.id,
    status: partner.status,
  });

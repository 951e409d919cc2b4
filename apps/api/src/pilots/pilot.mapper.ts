import type {
  PilotInvitation as PilotInvitationDto,
  Pilot as PilotDto,
  PilotOrganisation,
  PilotPartner as PilotPartnerDto,
} from '@pathways/contracts';
import type { Organisation, Pilot, PilotPartner } from '@pathways/persistence';
import type { Caller } from '../access/caller';
import { pilotPartnerSubject } from './pilot.subject';

const iso = (at: Date | null) => at?.toISOString() ?? null;

export const toPilotOrganisation = (org: Organisation): PilotOrganisation => ({
  id: org.id,
  name: org.name,
  kind: org.kind,
  country: org.country,
});

export const toPilotPartnerDto = (partner: PilotPartner, showMessage = true): PilotPartnerDto => ({
  id: partner.id,
  organisation: toPilotOrganisation(partner.organisation),
  role: partner.role,
  status: partner.status,
  message: showMessage ? partner.message : null,
  countries: partner.countries,
  invitedAt: partner.invitedAt.toISOString(),
  expiresAt: iso(partner.expiresAt),
  respondedAt: iso(partner.respondedAt),
  version: partner.version,
});

/** The lead first, then partners in the order they were invited. */
const byPlace = (a: PilotPartner, b: PilotPartner) =>
  Number(b.role === 'lead') - Number(a.role === 'lead') ||
  a.invitedAt.getTime() - b.invitedAt.getTime() ||
  a.id.localeCompare(b.id);

/**
 * The pilot as this caller may read it. Accepted partners are the partnership, which every reader
 * sees; pending and refused invitations, and the lead's messages, only those who may read the
 * invitation (the lead's and the invited organisation's members, editors).
 */
export function toPilotDto(
  pilot: Pilot,
  partners: readonly PilotPartner[],
  caller: Pick<Caller, 'ability'>,
): PilotDto {
  const visible = [...partners]
    .sort(byPlace)
    .map((p) => ({ p, full: caller.ability.can('read', pilotPartnerSubject(p, pilot)) }))
    .filter(({ p, full }) => full || p.status === 'accepted');
  return {
    id: pilot.id,
    slug: pilot.slug,
    status: pilot.status,
    lead: toPilotOrganisation(pilot.leadOrganisation),
    content: pilot.content,
    partners: visible.map(({ p, full }) => toPilotPartnerDto(p, full)),
    activatedAt: iso(pilot.activatedAt),
    completedAt: iso(pilot.completedAt),
    closedReason: pilot.closedReason,
    createdAt: pilot.createdAt.toISOString(),
    updatedAt: pilot.updatedAt.toISOString(),
    version: pilot.version,
  };
}

/** An invitation for the invited organisation's inbox (pilot and its lead loaded). */
export const toPilotInvitationDto = (partner: PilotPartner): PilotInvitationDto => {
  const pilot = partner.pilot;
  return {
    ...toPilotPartnerDto(partner),
    pilot: {
      id: pilot.id,
      slug: pilot.slug,
      title: pilot.content.title ?? null,
      status: pilot.status,
      lead: toPilotOrganisation(pilot.leadOrganisation),
    },
  };
};

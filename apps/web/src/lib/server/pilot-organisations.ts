import { OrganisationPage, type Pilot, type PilotOrganisation } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import type { ApiClient } from './api';
import { noInviteSearch, type InviteSearch } from './pilot-invite-search';
import type { Option } from './taxonomy';

const verifiedFocal = (membership: App.Locals['memberships'][number]) =>
  membership.status === 'active' &&
  membership.role === 'focal_point' &&
  membership.organisationStatus === 'verified';

/** The organisations the user may propose a pilot for: those they are a verified focal point of. */
export const pilotLeadChoices = (locals: App.Locals): Option[] =>
  locals.memberships
    .filter(verifiedFocal)
    .map((membership) => ({ value: membership.organisationId, label: membership.organisationName }));

/** Organisations the user answers invitations for (the API decides; this only picks what to show). */
export const focalOrganisationIds = (locals: App.Locals): Set<string> =>
  new Set(locals.memberships.filter(verifiedFocal).map((membership) => membership.organisationId));

/** Whether the user is a focal point of the pilot's lead: they edit it and invite partners. */
export const leadsPilot = (locals: App.Locals, pilot: Pilot): boolean =>
  focalOrganisationIds(locals).has(pilot.lead.id);

// The directory's page size cap: past it the lead narrows the search.
const pickerSize = 100;

/** Invitations that came to nothing: the lead may send them again (the API fires `reinvite`). */
const invitableAgain: readonly string[] = ['declined', 'expired', 'withdrawn'];

export interface InvitableOrganisation extends Option {
  /** Invited before, to no avail: the option says "invite again". */
  again: boolean;
}

export interface InviteChoices {
  /** The first organisations by name that match the search and that the lead may invite. */
  options: InvitableOrganisation[];
  /** How many match in all; more than the options means the lead should narrow the search. */
  matched: number;
}

/**
 * Verified organisations the lead may invite, among those the search matches: those the pilot never
 * invited, and those whose invitation was declined, lapsed or withdrawn, named as invited again.
 */
export async function invitableOrganisations(
  api: ApiClient,
  pilot: Pilot,
  search: InviteSearch = noInviteSearch,
): Promise<InviteChoices> {
  const page = await api.get('/api/organisations', OrganisationPage, {
    status: 'verified',
    q: search.find,
    kind: search.kind,
    country: search.country,
    pageSize: pickerSize,
  });
  const status = new Map(pilot.partners.map((p) => [p.organisation.id, p.status]));
  const options = page.items.flatMap((organisation): InvitableOrganisation[] => {
    const was = status.get(organisation.id);
    if (was === undefined) return [{ value: organisation.id, label: organisation.name, again: false }];
    if (!invitableAgain.includes(was)) return [];
    const label = m.pilots_invite_again({ organisation: organisation.name });
    return [{ value: organisation.id, label, again: true }];
  });
  return { options, matched: Math.max(0, page.total - uninvitableMatches(pilot, search, page)) };
}

/**
 * The API counts the lead and the partners invited or accepted among the matches; the lead may not
 * invite them. Those on the page are known; past it, they are matched here as the API matches (a
 * part of the name in any case, the kind, the country), which the pilot's few partners make cheap.
 */
function uninvitableMatches(pilot: Pilot, search: InviteSearch, page: OrganisationPage): number {
  const listed = new Set(page.items.map((organisation) => organisation.id));
  const complete = page.total <= page.items.length;
  const find = search.find.toLowerCase();
  const matches = (organisation: PilotOrganisation) =>
    organisation.name.toLowerCase().includes(find) &&
    (!search.kind || organisation.kind === search.kind) &&
    (!search.country || organisation.country === search.country);
  return pilot.partners.filter(
    (partner) =>
      !invitableAgain.includes(partner.status) &&
      (listed.has(partner.organisation.id) || (!complete && matches(partner.organisation))),
  ).length;
}

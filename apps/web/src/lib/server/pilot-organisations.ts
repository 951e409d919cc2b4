import { OrganisationPage, type Pilot } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import type { ApiClient } from './api';
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

// The directory's page size cap; a picker beyond that would want a search instead.
const pickerSize = 100;

/** Invitations that came to nothing: the lead may send them again (the API fires `reinvite`). */
const invitableAgain: readonly string[] = ['declined', 'expired', 'withdrawn'];

export interface InvitableOrganisation extends Option {
  /** Invited before, to no avail: the option says "invite again". */
  again: boolean;
}

/**
 * Verified organisations the lead may invite: those the pilot never invited, and those whose
 * invitation was declined, lapsed or withdrawn, named as invited again.
 */
export async function invitableOrganisations(api: ApiClient, pilot: Pilot): Promise<InvitableOrganisation[]> {
  const { items } = await api.get('/api/organisations', OrganisationPage, {
    status: 'verified',
    pageSize: pickerSize,
  });
  const status = new Map(pilot.partners.map((p) => [p.organisation.id, p.status]));
  return items.flatMap((organisation): InvitableOrganisation[] => {
    const was = status.get(organisation.id);
    if (was === undefined) return [{ value: organisation.id, label: organisation.name, again: false }];
    if (!invitableAgain.includes(was)) return [];
    const label = m.pilots_invite_again({ organisation: organisation.name });
    return [{ value: organisation.id, label, again: true }];
  });
}

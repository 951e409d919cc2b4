import { OrganisationPage, type Pilot } from '@pathways/contracts';
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

/** Verified organisations the pilot has never invited (the API takes one invitation per organisation). */
export async function invitableOrganisations(api: ApiClient, pilot: Pilot): Promise<Option[]> {
  const { items } = await api.get('/api/organisations', OrganisationPage, {
    status: 'verified',
    pageSize: pickerSize,
  });
  const taken = new Set(pilot.partners.map((p) => p.organisation.id));
  return items
    .filter((organisation) => !taken.has(organisation.id))
    .map((organisation) => ({ value: organisation.id, label: organisation.name }));
}

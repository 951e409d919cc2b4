import type { Option } from './taxonomy';

/** The organisations the user may start a practice for: active memberships of verified organisations. */
export const organisationsActedFor = (locals: App.Locals): Option[] =>
  locals.memberships
    .filter((membership) => membership.status === 'active' && membership.organisationStatus === 'verified')
    .map((membership) => ({ value: membership.organisationId, label: membership.organisationName }));

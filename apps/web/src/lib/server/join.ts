import { z } from 'zod';
import { Membership } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { actionFailure, invalidForm } from './failures';

const OrganisationId = z.uuid();

/** "Request to join" from any list or page: one membership request, pending until a focal point decides. */
export async function requestToJoin(locals: App.Locals, data: FormData) {
  const organisationId = String(data.get('organisationId') ?? '');
  if (!OrganisationId.safeParse(organisationId).success) {
    return invalidForm({}, { target: organisationId, message: m.error_not_found() });
  }
  try {
    await locals.api.post(`/api/organisations/${organisationId}/memberships`, Membership, { message: null });
  } catch (cause) {
    return actionFailure(cause, { target: organisationId, codes: { DUPLICATE: m.error_already_requested } });
  }
  return { joined: organisationId };
}

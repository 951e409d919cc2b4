import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { Membership, MembershipList, Organisation, UpdateOrganisationInput } from '@pathways/contracts';
import { editableFields } from '$lib/organisation-fields';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { ApiFailure } from '$lib/server/api-failure';
import { countryOptions } from '$lib/server/countries';
import { actionFailure, invalidForm, loadFailure } from '$lib/server/failures';
import { check, formValues } from '$lib/server/form';
import { abilityOf, requireUser } from '$lib/server/guard';
import { requestToJoin } from '$lib/server/join';
import { organisationFieldMessages, organisationInput } from '$lib/server/organisation-form';
import { pageParam } from '$lib/server/query';
import { vocabularyOptions } from '$lib/server/taxonomy';
import type { Actions, PageServerLoad } from './$types';

const Id = z.uuid();

async function organisationOf(locals: App.Locals, id: string): Promise<Organisation> {
  // Not a valid id cannot name an organisation: the same answer as one the user may not see.
  if (!Id.safeParse(id).success) error(404, { message: m.error_not_found() });
  try {
    return await locals.api.get(`/api/organisations/${id}`, Organisation);
  } catch (cause) {
    loadFailure(cause);
  }
}

const membersPageSize = 20;

/** One page of members or of join requests, as far as the caller may see them. */
async function membershipsOf(
  locals: App.Locals,
  id: string,
  status: 'active' | 'pending',
  page: number,
): Promise<MembershipList> {
  const none = { items: [], total: 0, page, pageSize: membersPageSize };
  if (!locals.user) return none;
  try {
    return await locals.api.get(
      `/api/organisations/${id}/memberships?status=${status}&page=${page}&pageSize=${membersPageSize}`,
      MembershipList,
    );
  } catch (cause) {
    // Not a member: the organisation is visible, its member list is not.
    if (cause instanceof ApiFailure && (cause.status === 403 || cause.status === 404)) return none;
    loadFailure(cause);
  }
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const locale = getLocale();
  const [organisation, members, requests, kinds] = await Promise.all([
    organisationOf(locals, params.id),
    membershipsOf(locals, params.id, 'active', pageParam(url, 'members')),
    membershipsOf(locals, params.id, 'pending', pageParam(url, 'requests')),
    vocabularyOptions(locals.api, 'organisation_kind', locale),
  ]);
  const editable = editableFields(abilityOf(locals), organisation);
  return {
    organisation,
    members,
    requests,
    kinds,
    countries: editable.includes('country') ? countryOptions(locale) : [],
    created: url.searchParams.has('created'),
  };
};

const MembershipId = z.uuid();

async function decide(locals: App.Locals, data: FormData, decision: 'approve' | 'decline') {
  const membershipId = String(data.get('membershipId') ?? '');
  if (!MembershipId.safeParse(membershipId).success) {
    return invalidForm({}, { target: membershipId, message: m.error_not_found() });
  }
  try {
    await locals.api.post(`/api/memberships/${membershipId}/${decision}`, Membership);
  } catch (cause) {
    return actionFailure(cause, { target: membershipId });
  }
  return { decided: membershipId, decision };
}

export const actions: Actions = {
  update: async ({ request, locals, params, url }) => {
    requireUser(locals, url);
    const organisation = await organisationOf(locals, params.id);
    const fields = editableFields(abilityOf(locals), organisation);
    if (fields.length === 0) error(403, { message: m.error_forbidden() });

    const values = formValues(await request.formData(), ['name', 'kind', 'country', 'website', 'version']);
    const { input, errors } = organisationInput(values, fields);
    const checked = check(
      UpdateOrganisationInput,
      { ...input, version: Number(values.version) },
      organisationFieldMessages,
    );
    if (!checked.ok || Object.keys(errors).length) {
      return invalidForm({ ...(checked.ok ? {} : checked.errors), ...errors }, { values, target: 'update' });
    }
    try {
      await locals.api.patch(`/api/organisations/${organisation.id}`, Organisation, checked.data);
    } catch (cause) {
      return actionFailure(cause, { values, fields: organisationFieldMessages, target: 'update' });
    }
    return { updated: true };
  },
  approve: async ({ request, locals, url }) => {
    requireUser(locals, url);
    return decide(locals, await request.formData(), 'approve');
  },
  decline: async ({ request, locals, url }) => {
    requireUser(locals, url);
    return decide(locals, await request.formData(), 'decline');
  },
  join: async ({ request, locals, url }) => {
    requireUser(locals, url);
    return requestToJoin(locals, await request.formData());
  },
};

import { z } from 'zod';
import { Organisation, OrganisationPage, RejectOrganisationInput } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { actionFailure, invalidForm, loadFailure, type FieldMessages } from '$lib/server/failures';
import { check, formValues } from '$lib/server/form';
import { requireAbility } from '$lib/server/guard';
import { pageParam } from '$lib/server/query';
import { vocabularyOptions } from '$lib/server/taxonomy';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 20;
const Id = z.uuid();
const fields: FieldMessages = { reason: m.field_reason_invalid };

export const load: PageServerLoad = async ({ locals, url }) => {
  requireAbility(locals, url, 'verify', 'Organisation');
  try {
    const [pending, kinds] = await Promise.all([
      locals.api.get('/api/organisations', OrganisationPage, {
        status: 'pending',
        page: pageParam(url),
        pageSize,
      }),
      vocabularyOptions(locals.api, 'organisation_kind', getLocale()),
    ]);
    return { pending, kinds: Object.fromEntries(kinds.map((kind) => [kind.value, kind.label])) };
  } catch (cause) {
    loadFailure(cause);
  }
};

/** The row's id and version: a decision on a changed organisation answers 409. */
function target(data: FormData) {
  const id = String(data.get('id') ?? '');
  const version = Number(data.get('version'));
  return Id.safeParse(id).success ? { id, version } : null;
}

export const actions: Actions = {
  verify: async ({ request, locals, url }) => {
    requireAbility(locals, url, 'verify', 'Organisation');
    const row = target(await request.formData());
    if (!row) return invalidForm({}, { message: m.error_not_found() });
    try {
      const verified = await locals.api.post(`/api/organisations/${row.id}/verify`, Organisation, {
        version: row.version,
      });
      return { decided: verified.name, decision: 'verified' as const };
    } catch (cause) {
      return actionFailure(cause, { target: row.id });
    }
  },
  reject: async ({ request, locals, url }) => {
    requireAbility(locals, url, 'reject', 'Organisation');
    const data = await request.formData();
    const row = target(data);
    if (!row) return invalidForm({}, { message: m.error_not_found() });
    const values = formValues(data, ['reason']);
    const checked = check(RejectOrganisationInput, { reason: values.reason, version: row.version }, fields);
    if (!checked.ok) return invalidForm(checked.errors, { values, target: row.id });
    try {
      const rejected = await locals.api.post(
        `/api/organisations/${row.id}/reject`,
        Organisation,
        checked.data,
      );
      return { decided: rejected.name, decision: 'rejected' as const };
    } catch (cause) {
      return actionFailure(cause, { values, fields, target: row.id });
    }
  },
};

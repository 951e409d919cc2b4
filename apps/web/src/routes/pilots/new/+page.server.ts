import { fail, redirect } from '@sveltejs/kit';
import { Pilot } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { ApiFailure } from '$lib/server/api-failure';
import { actionFailure, loadFailure } from '$lib/server/failures';
import { requireUser } from '$lib/server/guard';
import { pilotFormFromContent, pilotIssuesByField } from '$lib/server/pilot-form';
import { pilotLeadChoices } from '$lib/server/pilot-organisations';
import {
  invalidProposal,
  proposalChoices,
  readProposal,
  rowActions,
  type ProposalFailure,
} from '$lib/server/pilot-proposal';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireUser(locals, url);
  try {
    return {
      organisations: pilotLeadChoices(locals),
      state: pilotFormFromContent(),
      ...(await proposalChoices(locals.api)),
    };
  } catch (cause) {
    loadFailure(cause);
  }
};

export const actions: Actions = {
  save: async ({ request, locals, url }) => {
    requireUser(locals, url);
    const data = await request.formData();
    const organisationId = String(data.get('organisationId') ?? '');
    const values = { organisationId };
    const { state, content, errors } = readProposal(data);
    if (!pilotLeadChoices(locals).some((o) => o.value === organisationId))
      errors.organisationId = m.pilots_error_lead();
    if (!state.text.title) errors.title ??= m.pilots_error_title_required();
    if (Object.keys(errors).length) return invalidProposal(state, errors, values);
    let created: Pilot;
    try {
      created = await locals.api.post('/api/pilots', Pilot, { organisationId, content });
    } catch (cause) {
      const issues = cause instanceof ApiFailure ? (cause.body.issues ?? []) : [];
      const failure = actionFailure(cause, { values });
      const byField = pilotIssuesByField(issues);
      if (issues.some((i) => i.path === 'organisationId')) byField.organisationId = m.pilots_error_lead();
      return fail(failure.status, { ...failure.data, errors: byField, state } satisfies ProposalFailure);
    }
    redirect(303, localizeHref(`/pilots/${created.id}`));
  },
  ...rowActions,
};

import { fail } from '@sveltejs/kit';
import { Pilot } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { ApiFailure } from '$lib/server/api-failure';
import { actionFailure, loadFailure } from '$lib/server/failures';
import { requireUser } from '$lib/server/guard';
import { pilotFormFromContent, pilotFormFromData, pilotIssuesByField } from '$lib/server/pilot-form';
import { leadsPilot } from '$lib/server/pilot-organisations';
import {
  invalidProposal,
  proposalChoices,
  readProposal,
  rowActions,
  type ProposalFailure,
} from '$lib/server/pilot-proposal';
import type { Actions, PageServerLoad } from './$types';

/** The proposal may change while the partnership forms (the API refuses later edits with 409). */
const editableStates: readonly string[] = ['draft', 'proposed', 'forming'];

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireUser(locals, url);
  try {
    const [pilot, choices] = await Promise.all([
      locals.api.get(`/api/pilots/${encodeURIComponent(params.id)}`, Pilot),
      proposalChoices(locals.api),
    ]);
    return {
      pilot,
      editable: leadsPilot(locals, pilot) && editableStates.includes(pilot.status),
      state: pilotFormFromContent(pilot.content),
      ...choices,
    };
  } catch (cause) {
    loadFailure(cause);
  }
};

const staleCodes = { STALE_VERSION: m.pilots_error_stale, INVALID_STATE: m.pilots_error_locked };

export const actions: Actions = {
  save: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const data = await request.formData();
    const { state, content, errors } = readProposal(data);
    if (Object.keys(errors).length) return invalidProposal(state, errors);
    let saved: Pilot;
    try {
      saved = await locals.api.patch(`/api/pilots/${encodeURIComponent(params.id)}`, Pilot, {
        content,
        version: Number(data.get('version')),
      });
    } catch (cause) {
      const issues = cause instanceof ApiFailure ? (cause.body.issues ?? []) : [];
      const failure = actionFailure(cause, { codes: staleCodes });
      return fail(failure.status, {
        ...failure.data,
        errors: pilotIssuesByField(issues),
        state,
      } satisfies ProposalFailure);
    }
    return { saved: true, version: saved.version, state: pilotFormFromContent(saved.content) };
  },
  /**
   * After someone else saved meanwhile (409): the latest version number, with the user's own text
   * kept in the form, so nothing typed is lost and saving again is possible.
   */
  refresh: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const state = pilotFormFromData(await request.formData());
    try {
      const latest = await locals.api.get(`/api/pilots/${encodeURIComponent(params.id)}`, Pilot);
      return { state, version: latest.version, refreshed: true };
    } catch (cause) {
      const failure = actionFailure(cause);
      return fail(failure.status, { ...failure.data, state } satisfies ProposalFailure);
    }
  },
  ...rowActions,
};

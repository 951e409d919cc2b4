import { fail, type RequestEvent } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { countryOptions } from './countries';
import type { FormFailure } from './failures';
import {
  checkPilotContent,
  pilotContentFromForm,
  pilotFormFromData,
  reshapePilotForm,
  withoutBlankPilotRows,
  type PilotForm,
} from './pilot-form';
import type { ApiClient } from './api';
import { vocabularyOptions } from './taxonomy';

/** What the proposal form offers to choose from, labelled in the page's language. */
export async function proposalChoices(api: ApiClient) {
  const locale = getLocale();
  const [themes, stages, frameworks] = await Promise.all([
    vocabularyOptions(api, 'theme', locale),
    vocabularyOptions(api, 'stage', locale),
    vocabularyOptions(api, 'framework', locale),
  ]);
  return { vocabularies: { themes, stages, frameworks }, countries: countryOptions(locale) };
}

export type ProposalFailure = FormFailure & { state: PilotForm };

/** A refusal found before asking the API, with the form as typed. */
export const invalidProposal = (state: PilotForm, errors: Record<string, string>, values = {}) =>
  fail(400, {
    state,
    errors,
    values,
    message: null,
    code: 'VALIDATION_FAILED',
  } satisfies ProposalFailure);

/** The posted proposal: the form as typed, and the content to send once the contract accepts it. */
export function readProposal(data: FormData) {
  const state = pilotFormFromData(data);
  const content = pilotContentFromForm(withoutBlankPilotRows(state));
  return { state, content, errors: checkPilotContent(content) };
}

type RowChange = Parameters<typeof reshapePilotForm>[1];

/** One row button: the form again with a row more or fewer (and the lead chosen, on a new pilot). */
const rowAction =
  (change: RowChange) =>
  async ({ request }: RequestEvent) => {
    const data = await request.formData();
    const state = reshapePilotForm(pilotFormFromData(data), change, Number(data.get('remove')));
    const organisationId = data.get('organisationId');
    // The version the form was loaded with stays, so a row added never hides someone else's save.
    const version = Number(data.get('version'));
    return {
      state,
      values: (typeof organisationId === 'string' ? { organisationId } : {}) as Record<string, string>,
      ...(Number.isInteger(version) && version > 0 ? { version } : {}),
    };
  };

/** The row buttons (add or remove a country or an indicator): nothing is saved. */
export const rowActions = {
  addCountry: rowAction('addCountry'),
  removeCountry: rowAction('removeCountry'),
  addIndicator: rowAction('addIndicator'),
  removeIndicator: rowAction('removeIndicator'),
};

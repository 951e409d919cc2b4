import { ReviewPolicy } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { actionFailure, invalidForm, loadFailure } from '$lib/server/failures';
import { unlessMissing } from '$lib/server/optional';
import { requireAbility } from '$lib/server/guard';
import { checkPolicy, policyFieldMessages, policyFromForm } from '$lib/server/review-policy-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireAbility(locals, url, 'update', 'ReviewPolicy');
  try {
    // Null while the API has no review policy route: the page says so instead of failing.
    return { policy: await unlessMissing(locals.api.get('/api/review-policy', ReviewPolicy)) };
  } catch (cause) {
    loadFailure(cause);
  }
};

export const actions: Actions = {
  save: async ({ request, locals, url }) => {
    requireAbility(locals, url, 'update', 'ReviewPolicy');
    const { values, input } = policyFromForm(await request.formData());
    const checked = checkPolicy(input);
    if (!checked.ok) return invalidForm(checked.errors, { values });
    try {
      await locals.api.put('/api/review-policy', ReviewPolicy, checked.data);
      return { saved: true };
    } catch (cause) {
      return actionFailure(cause, {
        values,
        fields: policyFieldMessages,
        codes: { STALE_VERSION: m.policy_stale },
      });
    }
  },
};

import { redirect } from '@sveltejs/kit';
import { CreateOrganisationInput, Organisation } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { countryOptions } from '$lib/server/countries';
import { actionFailure, invalidForm } from '$lib/server/failures';
import { check, formValues } from '$lib/server/form';
import { requireUser } from '$lib/server/guard';
import { organisationFieldMessages, organisationInput } from '$lib/server/organisation-form';
import { vocabularyOptions } from '$lib/server/taxonomy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireUser(locals, url);
  const locale = getLocale();
  return {
    kinds: await vocabularyOptions(locals.api, 'organisation_kind', locale),
    countries: countryOptions(locale),
  };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    requireUser(locals, url);
    const values = formValues(await request.formData(), ['name', 'kind', 'country', 'website']);
    const { input, errors } = organisationInput(values, ['name', 'kind', 'country', 'website']);
    const checked = check(CreateOrganisationInput, input, organisationFieldMessages);
    if (!checked.ok || Object.keys(errors).length) {
      return invalidForm({ ...(checked.ok ? {} : checked.errors), ...errors }, { values });
    }
    let created: Organisation;
    try {
      created = await locals.api.post('/api/organisations', Organisation, checked.data);
    } catch (cause) {
      return actionFailure(cause, {
        values,
        fields: organisationFieldMessages,
        codes: { DUPLICATE: m.error_organisation_exists },
        codeFields: { DUPLICATE: 'name' },
      });
    }
    redirect(303, `${localizeHref(`/organisations/${created.id}`)}?created=1`);
  },
};

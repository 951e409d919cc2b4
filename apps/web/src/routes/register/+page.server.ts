import { redirect } from '@sveltejs/kit';
import { minPasswordLength, RegisterInput, SessionGrant } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { actionFailure, invalidForm, type FieldMessages } from '$lib/server/failures';
import { check, formValues } from '$lib/server/form';
import { safeNext } from '$lib/server/guard';
import { setSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const fields: FieldMessages = {
  name: m.field_name_invalid,
  email: m.field_email_invalid,
  password: () => m.field_password_invalid({ min: minPasswordLength }),
};

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, localizeHref('/organisations'));
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const data = await request.formData();
    const values = formValues(data, ['name', 'email']);
    const password = String(data.get('password') ?? '');
    const checked = check(RegisterInput, { ...values, password, locale: getLocale() }, fields);
    if (!checked.ok) return invalidForm(checked.errors, { values });

    let grant: SessionGrant;
    try {
      grant = await locals.api.post('/api/auth/register', SessionGrant, checked.data);
    } catch (cause) {
      return actionFailure(cause, {
        values,
        fields,
        codes: { DUPLICATE: m.error_email_taken },
        codeFields: { DUPLICATE: 'email' },
      });
    }
    setSessionCookie(cookies, url, grant);
    redirect(303, localizeHref(safeNext(url.searchParams.get('next'), '/organisations')));
  },
};

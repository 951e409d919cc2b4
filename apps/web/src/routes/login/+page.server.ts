import { redirect } from '@sveltejs/kit';
import { LoginInput, SessionGrant } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { actionFailure, invalidForm, type FieldMessages } from '$lib/server/failures';
import { check, formValues } from '$lib/server/form';
import { safeNext } from '$lib/server/guard';
import { setSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const fields: FieldMessages = {
  email: m.field_email_invalid,
  password: m.field_password_required,
};

const nextOf = (url: URL) => safeNext(url.searchParams.get('next'), '/organisations');

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, localizeHref(nextOf(url)));
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, url }) => {
    const data = await request.formData();
    const values = formValues(data, ['email']);
    const password = String(data.get('password') ?? '');
    const checked = check(LoginInput, { ...values, password }, fields);
    if (!checked.ok) return invalidForm(checked.errors, { values });

    let grant: SessionGrant;
    try {
      grant = await locals.api.post('/api/auth/login', SessionGrant, checked.data);
    } catch (cause) {
      return actionFailure(cause, { values, fields });
    }
    setSessionCookie(cookies, url, grant);
    redirect(303, localizeHref(nextOf(url)));
  },
};

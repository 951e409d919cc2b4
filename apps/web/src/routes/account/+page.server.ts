import { redirect } from '@sveltejs/kit';
import { UpdateProfileInput, User } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { cookieMaxAge, cookieName, localizeHref } from '$lib/paraglide/runtime';
import { actionFailure, invalidForm, type FieldMessages } from '$lib/server/failures';
import { check, formValues } from '$lib/server/form';
import { requireUser } from '$lib/server/guard';
import { clearSessionCookie } from '$lib/server/session';
// Reviewers' expertise (themes, languages, countries), used to suggest them for practices.
import { loadExpertise, saveExpertise } from '$lib/server/expertise';
import type { Actions, PageServerLoad } from './$types';

const fields: FieldMessages = { name: m.field_name_invalid, locale: m.field_locale_invalid };

export const load: PageServerLoad = async ({ locals, url }) => ({
  account: requireUser(locals, url),
  expertise: await loadExpertise(locals),
});

export const actions: Actions = {
  profile: async ({ request, locals, cookies, url }) => {
    const user = requireUser(locals, url);
    const values = formValues(await request.formData(), ['name', 'locale']);
    const checked = check(UpdateProfileInput, values, fields);
    if (!checked.ok) return invalidForm(checked.errors, { values });
    let updated: User;
    try {
      updated = await locals.api.patch('/api/me', User, checked.data);
    } catch (cause) {
      return actionFailure(cause, { values, fields });
    }
    if (updated.locale !== user.locale) {
      // The interface follows the language just chosen.
      cookies.set(cookieName, updated.locale, {
        path: '/',
        maxAge: cookieMaxAge,
        sameSite: 'lax',
        httpOnly: false,
        secure: url.protocol === 'https:',
      });
      redirect(303, `${localizeHref('/account', { locale: updated.locale })}?saved=1`);
    }
    return { saved: true };
  },
  expertise: saveExpertise,
  logoutEverywhere: async ({ locals, cookies, url }) => {
    requireUser(locals, url);
    try {
      await locals.api.send('POST', '/api/auth/logout-all');
    } catch (cause) {
      return actionFailure(cause, { target: 'logoutEverywhere' });
    }
    clearSessionCookie(cookies, url);
    redirect(303, localizeHref('/login'));
  },
};

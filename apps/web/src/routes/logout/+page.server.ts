import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { clearSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (!locals.user) redirect(303, localizeHref('/'));
};

export const actions: Actions = {
  default: async ({ locals, cookies, url }) => {
    if (locals.token) {
      // The cookie goes regardless: a failed revoke must not keep anyone signed in on this browser.
      await locals.api
        .send('POST', '/api/auth/logout')
        .catch((cause) => console.warn('logout failed', cause));
    }
    clearSessionCookie(cookies, url);
    redirect(303, localizeHref('/'));
  },
};

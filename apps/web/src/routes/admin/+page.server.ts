import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { abilityOf, requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  requireUser(locals, url);
  const ability = abilityOf(locals);
  redirect(
    303,
    localizeHref(ability.can('verify', 'Organisation') ? '/admin/organisations' : '/admin/users'),
  );
};

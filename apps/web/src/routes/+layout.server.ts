import { unreadNotifications } from '$lib/server/notifications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, depends }) => {
  depends('app:notifications');
  return {
    user: locals.user,
    memberships: locals.memberships,
    rules: locals.rules,
    unreadNotifications: locals.user ? await unreadNotifications(locals.api) : null,
  };
};

import { z } from 'zod';
import { GrantableRole, User, UserPage } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { actionFailure, invalidForm, loadFailure } from '$lib/server/failures';
import { requireAbility } from '$lib/server/guard';
import { pageParam, searchParam } from '$lib/server/query';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 20;
const RoleChange = z.object({ userId: z.uuid(), role: GrantableRole });

export const load: PageServerLoad = async ({ locals, url }) => {
  requireAbility(locals, url, 'grant_role', 'User');
  const q = searchParam(url);
  try {
    const users = await locals.api.get('/api/users', UserPage, { q, page: pageParam(url), pageSize });
    return { users, q };
  } catch (cause) {
    loadFailure(cause);
  }
};

async function changeRole(locals: App.Locals, data: FormData, change: 'grant' | 'revoke') {
  const parsed = RoleChange.safeParse({ userId: data.get('userId'), role: data.get('role') });
  if (!parsed.success) return invalidForm({}, { message: m.error_validation() });
  const { userId, role } = parsed.data;
  try {
    const user =
      change === 'grant'
        ? await locals.api.post(`/api/users/${userId}/roles`, User, { role })
        : await locals.api.delete(`/api/users/${userId}/roles/${role}`, User);
    return { changed: userId, change, role, name: user.name };
  } catch (cause) {
    return actionFailure(cause, { target: userId });
  }
}

export const actions: Actions = {
  grant: async ({ request, locals, url }) => {
    requireAbility(locals, url, 'grant_role', 'User');
    return changeRole(locals, await request.formData(), 'grant');
  },
  revoke: async ({ request, locals, url }) => {
    requireAbility(locals, url, 'revoke_role', 'User');
    return changeRole(locals, await request.formData(), 'revoke');
  },
};

import { error } from '@sveltejs/kit';
import type { User } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { requireUser } from './guard';

/**
 * Administration pages without a subject of their own in the web's rules (the review policy, the
 * mail log). The API checks each call with its own rules; this only spares others a broken page.
 */
export function requireAdmin(locals: App.Locals, url: URL): User {
  const user = requireUser(locals, url);
  if (!user.roles.includes('admin')) error(403, { message: m.error_forbidden() });
  return user;
}

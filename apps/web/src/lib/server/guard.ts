import { error, redirect } from '@sveltejs/kit';
import type { User } from '@pathways/contracts';
import { abilityFromPacked, type Action, type AppAbility, type SubjectType } from '@pathways/permissions';
import { m } from '$lib/paraglide/messages';
import { deLocalizeHref, localizeHref } from '$lib/paraglide/runtime';

/** Sends anonymous visitors to the login page, and back here afterwards. */
export function requireUser(locals: App.Locals, url: URL): User {
  if (locals.user) return locals.user;
  const next = deLocalizeHref(url.pathname + url.search);
  redirect(303, localizeHref(`/login?next=${encodeURIComponent(next)}`));
}

export const abilityOf = (locals: App.Locals): AppAbility => abilityFromPacked(locals.rules);

/** Pages only some roles may open; the API enforces the same rule on every call. */
export function requireAbility(
  locals: App.Locals,
  url: URL,
  action: Action,
  subject: SubjectType,
): AppAbility {
  requireUser(locals, url);
  const ability = abilityOf(locals);
  if (!ability.can(action, subject)) error(403, { message: m.error_forbidden() });
  return ability;
}

/** Only same-site paths are followed after login, so `next` cannot send people elsewhere. */
export function safeNext(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

import type { Cookies } from '@sveltejs/kit';

export const sessionCookie = 'pathways_session';

const options = (url: URL) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  // Secure whenever the site is served over HTTPS; plain http only happens on a developer's machine.
  secure: url.protocol === 'https:',
});

/** Keeps the API's bearer token in an httpOnly cookie that expires with the session. */
export function setSessionCookie(
  cookies: Cookies,
  url: URL,
  grant: { token: string; expiresAt: string },
): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(grant.expiresAt) - Date.now()) / 1000));
  cookies.set(sessionCookie, grant.token, { ...options(url), maxAge });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
  cookies.delete(sessionCookie, options(url));
}

import type { Handle, HandleServerError, RequestEvent } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { Me } from '@pathways/contracts';
import { defineAbilityFor, packAbility } from '@pathways/permissions';
import { m } from '$lib/paraglide/messages';
import { cookieMaxAge, cookieName, getTextDirection } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { createApi } from '$lib/server/api';
import { ApiFailure } from '$lib/server/api-failure';
import { isCrossSiteForm } from '$lib/server/csrf';
import { firstVisitRedirect, shouldSaveLocale } from '$lib/server/locale';
import { clearSessionCookie, sessionCookie } from '$lib/server/session';

const publicRules = packAbility(defineAbilityFor(null));

const i18n: Handle = ({ event, resolve }) => {
  const preferred = firstVisitRedirect(event.request);
  if (preferred) {
    return new Response(null, {
      status: 307,
      headers: { location: preferred.href, vary: 'Accept-Language' },
    });
  }
  return paraglideMiddleware(event.request, ({ request, locale }) => {
    if (shouldSaveLocale(event.request, locale)) {
      event.cookies.set(cookieName, locale, {
        path: '/',
        maxAge: cookieMaxAge,
        sameSite: 'lax',
        httpOnly: false,
        secure: event.url.protocol === 'https:',
      });
    }
    event.request = request;
    return resolve(event, {
      transformPageChunk: ({ html }) =>
        html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', getTextDirection(locale)),
    });
  });
};

const clientAddress = (event: RequestEvent): string | undefined => {
  try {
    return event.getClientAddress();
  } catch {
    return undefined;
  }
};

/** Who is calling: the session cookie holds the API's bearer token; the API says who it belongs to. */
const session: Handle = async ({ event, resolve }) => {
  const token = event.cookies.get(sessionCookie) ?? null;
  const address = clientAddress(event);
  event.locals.token = null;
  event.locals.user = null;
  event.locals.memberships = [];
  event.locals.rules = publicRules;
  event.locals.api = createApi(fetch, null, address);
  if (token) {
    const api = createApi(fetch, token, address);
    try {
      const me = await api.get('/api/me', Me);
      event.locals.token = token;
      event.locals.user = me.user;
      event.locals.memberships = me.memberships;
      event.locals.rules = me.rules as typeof publicRules;
      event.locals.api = api;
    } catch (cause) {
      if (cause instanceof ApiFailure && cause.status === 401) clearSessionCookie(event.cookies, event.url);
      else console.error('could not load the session', cause);
    }
  }
  return resolve(event);
};

/** Headers the CSP does not cover; the API sets its own with helmet. */
const securityHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  return response;
};

/** Cross-site form posts are refused here rather than by SvelteKit (see csrf.ts and svelte.config.js). */
const crossSiteForms: Handle = ({ event, resolve }) =>
  isCrossSiteForm(event.request, event.url)
    ? new Response(`Cross-site ${event.request.method} form submissions are forbidden`, { status: 403 })
    : resolve(event);

export const handle = sequence(crossSiteForms, securityHeaders, i18n, session);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status !== 404) console.error(`${event.request.method} ${event.url.pathname}`, error);
  return { message: status === 404 ? m.error_not_found() : status >= 500 ? m.error_unexpected() : message };
};

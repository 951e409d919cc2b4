import {
  baseLocale,
  cookieName,
  extractLocaleFromHeader,
  extractLocaleFromUrl,
  isLocale,
  localizeUrl,
  type Locale,
} from '$lib/paraglide/runtime';

// Files (robots.txt, sitemap.xml, feed.atom…) and the OAI-PMH base URL are for machines at fixed
// addresses, even when a crawler asks for HTML.
const isMachineAddress = (url: URL): boolean => /\.[a-z]+$/.test(url.pathname) || url.pathname === '/oai';

const isPageVisit = (request: Request): boolean =>
  request.method === 'GET' &&
  !isMachineAddress(new URL(request.url)) &&
  (request.headers.get('sec-fetch-dest') === 'document' ||
    (request.headers.get('accept') ?? '').includes('text/html'));

const savedLocale = (request: Request): Locale | undefined => {
  const cookie = request.headers
    .get('cookie')
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${cookieName}=`))
    ?.slice(cookieName.length + 1);
  return cookie && isLocale(cookie) ? cookie : undefined;
};

/**
 * English pages have no prefix, so an unprefixed address is ambiguous only on a first visit. Then,
 * and only then (no language saved in the cookie yet), the browser's languages pick /es or /fr.
 * Once a page was shown, its language is saved, so following the "English" link sticks.
 */
export function firstVisitRedirect(request: Request): URL | null {
  if (!isPageVisit(request) || savedLocale(request)) return null;
  const url = new URL(request.url);
  if (extractLocaleFromUrl(url) !== baseLocale) return null;
  const preferred = extractLocaleFromHeader(request);
  if (!preferred || preferred === baseLocale) return null;
  return localizeUrl(url, { locale: preferred });
}

/** Whether the page response should save its language in the cookie. */
export const shouldSaveLocale = (request: Request, locale: Locale): boolean =>
  isPageVisit(request) && savedLocale(request) !== locale;

import { baseLocale, locales } from '$lib/paraglide/runtime';

/** The workspace, account and admin areas: nothing in them is for search engines. */
const privateAreas = [
  '/practices',
  '/reviews',
  '/notifications',
  '/account',
  '/admin',
  '/organisations/new',
  '/login',
  '/logout',
  '/register',
  '/api/',
];

/**
 * robots.txt: the library is open; its search results with parameters (endless combinations of
 * facets) and whole-library exports are not crawled, since the sitemap lists every practice page.
 */
export function robotsTxt(origin: string): string {
  // Rules are prefixes, kept as written (localizeHref would drop a trailing "/" or "?").
  const inEveryLanguage = (path: string) =>
    locales.map((locale) => (locale === baseLocale ? path : `/${locale}${path}`));
  return [
    'User-agent: *',
    ...inEveryLanguage('/library').map((p) => `Allow: ${p}`),
    ...inEveryLanguage('/library?').map((p) => `Disallow: ${p}`),
    ...inEveryLanguage('/library/export.').map((p) => `Disallow: ${p}`),
    'Allow: /oai',
    ...privateAreas.flatMap(inEveryLanguage).map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    // robots.txt has no field for it; harvesters read the comment, or ask /oai?verb=Identify.
    `# OAI-PMH 2.0 base URL: ${origin}/oai`,
    '',
  ].join('\n');
}

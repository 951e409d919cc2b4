import { baseLocale, localizeHref, locales } from '$lib/paraglide/runtime';

/**
 * sitemaps.org documents for the public library: each page in every language, each naming its
 * translations (hreflang), so search engines show readers the page in their language.
 */

/** Three languages make three URLs per practice: 15,000 practices stay under 50,000 URLs a file. */
export const practicesPerSitemap = 15_000;

/** The library's own pages, listed in every sitemap index. */
export const libraryPages = ['/library', '/library/statistics', '/workflows'] as const;

export interface SitemapEntry {
  /** Unprefixed (English) path, e.g. /library/practices/some-slug. */
  path: string;
  /** ISO date-time of the last change, when known. */
  lastModified?: string | null;
}

// Only origins, paths of slugs and dates are written, but an origin could hold a character XML
// reserves; the API's xml.ts is out of the web's reach, and this is all it needs of it.
const xmlText = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

// W3C Datetime to the second: what sitemaps.org asks for.
const w3cDate = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

const lastmod = (entry: SitemapEntry) =>
  entry.lastModified ? `\n    <lastmod>${w3cDate(entry.lastModified)}</lastmod>` : '';

/** A <urlset> with one <url> per page and language, each naming every translation. */
export function urlSet(origin: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.flatMap((entry) => {
    const href = (locale: (typeof locales)[number]) => xmlText(origin + localizeHref(entry.path, { locale }));
    const alternates = [
      ...locales.map((l) => `    <xhtml:link rel="alternate" hreflang="${l}" href="${href(l)}"/>`),
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${href(baseLocale)}"/>`,
    ].join('\n');
    return locales.map(
      (locale) => `  <url>\n    <loc>${href(locale)}</loc>${lastmod(entry)}\n${alternates}\n  </url>`,
    );
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** A <sitemapindex> naming each sitemap file. */
export function sitemapIndex(origin: string, sitemaps: readonly SitemapEntry[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sitemaps.map(
      (s) => `  <sitemap>\n    <loc>${xmlText(origin + s.path)}</loc>${lastmod(s)}\n  </sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** The path of the nth (1-based) sitemap of practices. */
export const practiceSitemapPath = (n: number) => `/sitemaps/practices-${n}.xml`;

/** Headers of a sitemap: XML, cached a few minutes, dated by the library's newest change. */
export function sitemapHeaders(lastModified: string | null | undefined): Headers {
  const headers = new Headers({
    'content-type': 'application/xml; charset=utf-8',
    'cache-control': 'public, max-age=300',
  });
  if (lastModified) headers.set('last-modified', new Date(lastModified).toUTCString());
  return headers;
}

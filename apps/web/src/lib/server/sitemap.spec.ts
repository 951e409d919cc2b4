import { describe, expect, it } from 'vitest';
import { practiceSitemapPath, sitemapHeaders, sitemapIndex, urlSet } from './sitemap';

describe('urlSet', () => {
  it('lists a page in each language, each naming every translation and the default', () => {
    expect(
      urlSet('https://site.test', [
        { path: '/library/practices/remesas-1a2b', lastModified: '2026-03-04T05:06:07.890Z' },
      ]),
    ).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        ...['', '/es', '/fr'].map((prefix) =>
          [
            '  <url>',
            `    <loc>https://site.test${prefix}/library/practices/remesas-1a2b</loc>`,
            '    <lastmod>2026-03-04T05:06:07Z</lastmod>',
            '    <xhtml:link rel="alternate" hreflang="en" href="https://site.test/library/practices/remesas-1a2b"/>',
            '    <xhtml:link rel="alternate" hreflang="es" href="https://site.test/es/library/practices/remesas-1a2b"/>',
            '    <xhtml:link rel="alternate" hreflang="fr" href="https://site.test/fr/library/practices/remesas-1a2b"/>',
            '    <xhtml:link rel="alternate" hreflang="x-default" href="https://site.test/library/practices/remesas-1a2b"/>',
            '  </url>',
          ].join('\n'),
        ),
        '</urlset>',
        '',
      ].join('\n'),
    );
  });

  it('leaves lastmod out when unknown, and escapes what XML reserves', () => {
    const xml = urlSet("https://a.test/o'&<x>", [{ path: '/library' }]);
    expect(xml).not.toContain('<lastmod>');
    expect(xml).toContain('<loc>https://a.test/o&apos;&amp;&lt;x&gt;/library</loc>');
    expect(xml.match(/<url>/g)).toHaveLength(3);
  });
});

describe('sitemapIndex', () => {
  it('names each sitemap with its last change', () => {
    expect(
      sitemapIndex('https://site.test', [
        { path: '/sitemaps/library.xml' },
        { path: practiceSitemapPath(1), lastModified: '2026-01-02T03:04:05.000Z' },
      ]),
    ).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <sitemap>\n    <loc>https://site.test/sitemaps/library.xml</loc>\n  </sitemap>',
        '  <sitemap>\n    <loc>https://site.test/sitemaps/practices-1.xml</loc>\n    <lastmod>2026-01-02T03:04:05Z</lastmod>\n  </sitemap>',
        '</sitemapindex>',
        '',
      ].join('\n'),
    );
  });

  it('is served as XML with cache headers dated by the newest change', () => {
    const headers = sitemapHeaders('2026-01-02T03:04:05.000Z');
    expect(Object.fromEntries(headers)).toEqual({
      'content-type': 'application/xml; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'last-modified': 'Fri, 02 Jan 2026 03:04:05 GMT',
    });
    expect(sitemapHeaders(null).has('last-modified')).toBe(false);
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { completePracticeContent } from '@pathways/contracts/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import './setup/context';
import { Pages } from './setup/pages';
import { apiCall, publishPractice } from './setup/publication';

/**
 * Harvesting the library through the web's own addresses (issue 4): the sitemap index and its
 * pages, robots.txt and the OAI-PMH base URL answer well-formed documents that hold a freshly
 * published practice. The browser's own XML parser judges well-formedness.
 */

const title = 'Cosecha de prácticas: remesas & ahorro <seguro>';

// The parsing runs in Chromium; the e2e project compiles without the DOM library, so these are the
// few parts of it the parser callback uses.
interface BrowserElement {
  localName: string;
  namespaceURI: string | null;
  textContent: string | null;
}
interface BrowserXmlDocument {
  documentElement: BrowserElement;
  getElementsByTagName(name: string): ArrayLike<BrowserElement>;
  getElementsByTagNameNS(namespace: string, name: string): ArrayLike<BrowserElement>;
}
declare const DOMParser: new () => { parseFromString(text: string, type: string): BrowserXmlDocument };

interface ParsedXml {
  error: string | null;
  root: string;
  namespace: string | null;
  /** Text of every element with this local name, in document order. */
  texts: Record<string, string[]>;
}

describe('library harvesting', () => {
  const pages = new Pages();
  let browser: Page;
  let slug: string;
  const web = (path: string, init?: RequestInit) => fetch(`${inject('baseUrl')}${path}`, init);

  /** Parses with Chromium's DOMParser, which reports any well-formedness error. */
  const parse = (xml: string, names: string[]): Promise<ParsedXml> =>
    browser.evaluate(
      ([text, wanted]) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const error = doc.getElementsByTagName('parsererror')[0];
        const texts: Record<string, string[]> = {};
        for (const name of wanted)
          texts[name] = Array.from(doc.getElementsByTagNameNS('*', name), (e) => e.textContent ?? '');
        return {
          error: error ? (error.textContent ?? 'parse error') : null,
          root: doc.documentElement.localName,
          namespace: doc.documentElement.namespaceURI,
          texts,
        };
      },
      [xml, names] as const,
    );

  const xmlAt = async (path: string, names: string[], init?: RequestInit) => {
    const response = await web(path, init);
    expect(response.status, path).toBe(200);
    const parsed = await parse(await response.text(), names);
    expect(parsed.error, path).toBeNull();
    return { response, parsed };
  };

  beforeAll(async () => {
    const id = await publishPractice({
      ...completePracticeContent,
      title,
      summary: 'Un grupo de ahorro de trabajadoras domésticas migrantes, cosechado por otros repositorios.',
      themes: ['remittances-investment'],
      language: 'es',
    });
    // The publishing job fills the library's read model a moment after publication.
    for (let attempt = 0; attempt < 80 && !slug; attempt += 1) {
      const found = await apiCall<{ items: { id: string; slug: string }[] }>(
        'GET',
        '/api/library/practices?q=cosechado',
        null,
      );
      slug = found.items.find((p) => p.id === id)?.slug ?? '';
      if (!slug) await sleep(250);
    }
    expect(slug).toBeTruthy();
    browser = await pages.newPage();
    await browser.goto('/library');
  }, 120_000);

  afterAll(async () => {
    await pages.close();
  });

  it('serves a sitemap index whose practice pages list the practice in every language', async () => {
    const index = await xmlAt('/sitemap.xml', ['loc', 'lastmod']);
    expect(index.response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(index.response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(index.response.headers.get('last-modified')).toBeTruthy();
    expect(index.parsed.root).toBe('sitemapindex');
    expect(index.parsed.namespace).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = index.parsed.texts.loc.map((loc) => new URL(loc));
    expect(locs.map((u) => u.pathname)).toEqual(['/sitemaps/library.xml', '/sitemaps/practices-1.xml']);

    const practices = await xmlAt('/sitemaps/practices-1.xml', ['loc', 'lastmod', 'link']);
    expect(practices.parsed.root).toBe('urlset');
    const paths = practices.parsed.texts.loc.map((loc) => new URL(loc).pathname);
    for (const prefix of ['', '/es', '/fr']) expect(paths).toContain(`${prefix}/library/practices/${slug}`);
    expect(practices.parsed.texts.lastmod.length).toBe(paths.length);

    const library = await xmlAt('/sitemaps/library.xml', ['loc']);
    expect(library.parsed.texts.loc.map((loc) => new URL(loc).pathname)).toContain('/es/library/statistics');
    expect((await web('/sitemaps/practices-99.xml')).status).toBe(404);
  });

  it('serves robots.txt naming the sitemap and the OAI-PMH base URL', async () => {
    const response = await web('/robots.txt', { headers: { accept: 'text/html', 'accept-language': 'fr' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    expect(text).toContain(`Sitemap: ${inject('baseUrl')}/sitemap.xml`);
    expect(text).toContain(`# OAI-PMH 2.0 base URL: ${inject('baseUrl')}/oai`);
    expect(text).toMatch(/^Allow: \/library$/m);
    expect(text).toMatch(/^Disallow: \/admin$/m);
  });

  it('answers OAI-PMH at /oai, by GET and by a harvester’s form POST', async () => {
    const identify = await xmlAt('/oai?verb=Identify', ['baseURL', 'deletedRecord', 'error']);
    expect(identify.parsed.root).toBe('OAI-PMH');
    expect(identify.parsed.namespace).toBe('http://www.openarchives.org/OAI/2.0/');
    expect(identify.response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(identify.parsed.texts.baseURL).toEqual([`${inject('baseUrl')}/oai`]);
    expect(identify.parsed.texts.deletedRecord).toEqual(['persistent']);

    const host = new URL(inject('baseUrl')).hostname;
    const record = await xmlAt(`/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:${host}:${slug}`, [
      'title',
      'identifier',
      'error',
    ]);
    expect(record.parsed.texts.error).toEqual([]);
    expect(record.parsed.texts.title).toEqual([title]);
    expect(record.parsed.texts.identifier).toContain(`${inject('baseUrl')}/library/practices/${slug}`);

    // No Origin header, as harvesters send: the web's cross-site form check spares /oai only.
    const posted = await xmlAt('/oai', ['identifier', 'error'], {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=theme%3Aremittances-investment',
    });
    expect(posted.parsed.texts.error).toEqual([]);
    expect(posted.parsed.texts.identifier).toContain(`oai:${host}:${slug}`);
    const crossSite = await web('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://elsewhere.example' },
      body: 'email=a%40b.c&password=x',
    });
    expect(crossSite.status).toBe(403);

    const bad = await xmlAt('/oai?verb=Harvest', ['error']);
    expect(bad.parsed.texts.error).toHaveLength(1);
  });
});

import { randomBytes } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { LibrarySearchResult } from '@pathways/contracts';
import { Organisation, Practice, PracticeVersion, refreshLibraryEntry } from '@pathways/persistence';
import { appendPublicationLog } from '@pathways/persistence/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../testing/practice-content';
import { startTestApi, type TestApi } from '../testing/test-api';

/** Every answer drawn from the whole library, as a client would revalidate it. */
const addresses = {
  search: '/api/library/practices?q=lantern&theme=care-economy',
  filterOnly: '/api/library/practices?theme=care-economy',
  csv: '/api/library/export.csv?theme=care-economy',
  json: '/api/library/export.json?q=lantern',
  feed: '/api/library/feed.atom?theme=care-economy',
  oai: '/api/oai?verb=ListIdentifiers&metadataPrefix=oai_dc',
  slugs: '/api/library/slugs',
  sitemap: '/api/library/sitemap',
};

describe.each<{ cache: string; env: Record<string, string> }>([
  { cache: 'on', env: {} },
  { cache: 'off', env: { LIBRARY_SEARCH_CACHE: '0' } },
])('conditional requests and invalidation on publication (search cache $cache)', ({ env }) => {
  let api: TestApi;
  let em: EntityManager;
  let organisation: Organisation;

  /** Publishes a practice as the publishing job does: the log, then the library's refresh. */
  async function publish(title: string): Promise<Practice> {
    const practice = em.create(Practice, {
      slug: `lantern-${randomBytes(4).toString('hex')}`,
      organisation,
      status: 'published',
    });
    await em.flush();
    const content = { ...completePracticeContent, title, themes: ['care-economy'] };
    practice.currentVersion = ref(em.create(PracticeVersion, { practice, number: 1, content }));
    await em.flush();
    await appendPublicationLog(em, practice.id, 'published');
    await refreshLibraryEntry(em, practice.id);
    return practice;
  }

  const get = (url: string, headers: Record<string, string> = {}) =>
    api.request({ method: 'GET', url, headers });

  beforeAll(async () => {
    api = await startTestApi(env);
    em = api.app.get(EntityManager).fork();
    organisation = em.create(Organisation, {
      name: 'Lantern Trust',
      kind: 'civil_society',
      status: 'verified',
    });
    await publish('Lantern care cooperative');
  });
  afterAll(() => api?.close());

  it.each(Object.entries(addresses))(
    '%s: ETag and Last-Modified, then 304 on either condition',
    async (_, url) => {
      const first = await get(url);
      expect(first.statusCode).toBe(200);
      const { etag, 'last-modified': lastModified } = first.headers;
      expect(etag).toMatch(/^"[\w-]{27}"$/);
      expect(new Date(String(lastModified)).getTime()).not.toBeNaN();
      expect(first.headers['cache-control']).toBe('public, no-cache');

      const byTag = await get(url, { 'if-none-match': String(etag) });
      expect(byTag.statusCode).toBe(304);
      expect(byTag.body).toBe('');
      expect(byTag.headers.etag).toBe(etag);
      const byDate = await get(url, { 'if-modified-since': String(lastModified) });
      expect(byDate.statusCode).toBe(304);
      // A tag that does not match wins over a date that would.
      const stale = await get(url, { 'if-none-match': '"other"', 'if-modified-since': String(lastModified) });
      expect(stale.statusCode).toBe(200);
    },
  );

  it('gives one ETag to addresses asking the same thing, and another to a different search', async () => {
    const a = await get('/api/library/practices?theme=care-economy&theme=care-economy&q=%20lantern');
    const b = await get('/api/library/practices?q=lantern&theme=care-economy');
    const c = await get('/api/library/practices?q=lantern&theme=care-economy&page=2');
    expect(a.headers.etag).toBe(b.headers.etag);
    expect(c.headers.etag).not.toBe(b.headers.etag);
    expect(a.json()).toEqual(b.json());
  });

  it('a publication changes every ETag, and the new practice is in the next answer', async () => {
    const before = Object.fromEntries(
      await Promise.all(
        Object.entries(addresses).map(async ([name, url]) => [name, await get(url)] as const),
      ),
    );
    const searched = before.search.json<LibrarySearchResult>();
    const title = `Lantern night school ${randomBytes(3).toString('hex')}`;
    const practice = await publish(title);

    for (const [name, url] of Object.entries(addresses)) {
      const again = await get(url, { 'if-none-match': String(before[name].headers.etag) });
      expect(again.statusCode, name).toBe(200);
      expect(again.headers.etag, name).not.toBe(before[name].headers.etag);
    }
    const search = (await get(addresses.search)).json<LibrarySearchResult>();
    expect(search.total).toBe(searched.total + 1);
    expect(search.items.map((i) => i.slug)).toContain(practice.slug);
    const filterOnly = (await get(addresses.filterOnly)).json<LibrarySearchResult>();
    expect(filterOnly.items.map((i) => i.slug)).toContain(practice.slug);
    expect((await get(addresses.csv)).body).toContain(title);
    expect((await get(addresses.json)).body).toContain(title);
    expect((await get(addresses.feed)).body).toContain(title);
    expect((await get(addresses.oai)).body).toContain(practice.slug);
    expect((await get(addresses.slugs)).body).toContain(practice.slug);

    // A re-delivered publishing job changes nothing, so copies stay current.
    const current = await get(addresses.search);
    await refreshLibraryEntry(em, practice.id);
    expect((await get(addresses.search, { 'if-none-match': String(current.headers.etag) })).statusCode).toBe(
      304,
    );
  });

  it('streams exports as before and keeps 400 for a bad parameter', async () => {
    const csv = await get(addresses.csv);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="pathways-practices.csv"');
    const bad = await get('/api/library/practices?pageSize=oops', { 'if-none-match': '"x"' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('pageSize');
  });

  it('never answers a posted OAI-PMH request with 304', async () => {
    const first = await get(addresses.oai);
    const posted = await api.request({
      method: 'POST',
      url: '/api/oai',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'if-none-match': String(first.headers.etag),
      },
      payload: 'verb=ListIdentifiers&metadataPrefix=oai_dc',
    });
    expect(posted.statusCode).toBe(200);
  });
});

import { randomBytes } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { LibrarySitemapOutline, LibrarySlugPage } from '@pathways/contracts';
import {
  Organisation,
  Practice,
  PracticeVersion,
  readLibraryGeneration,
  refreshLibraryEntry,
} from '@pathways/persistence';
import { appendPublicationLog } from '@pathways/persistence/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../../testing/practice-content';
import { startTestApi, type TestApi } from '../../testing/test-api';

describe('library slugs for the sitemap', () => {
  let api: TestApi;
  const listed: string[] = [];
  const get = (url: string) => api.request({ method: 'GET', url });

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.app.get(EntityManager).fork();
    const ngo = em.create(Organisation, {
      name: 'Sitemap NGO',
      kind: 'civil_society',
      country: 'PH',
      status: 'verified',
    });
    const practices: Practice[] = [];
    for (const [n, status] of (['published', 'published', 'retracted', 'draft'] as const).flatMap((s) =>
      Array.from({ length: s === 'published' ? 12 : 2 }, (_, i) => [i, s] as const),
    )) {
      const practice = em.create(Practice, {
        slug: `${String.fromCharCode(97 + (n % 26))}-practice-${randomBytes(4).toString('hex')}`,
        organisation: ngo,
        status,
      });
      practices.push(practice);
      if (status !== 'draft') listed.push(practice.slug);
    }
    await em.flush();
    for (const practice of practices)
      practice.currentVersion = ref(
        em.create(PracticeVersion, { practice, number: 1, content: completePracticeContent }),
      );
    await em.flush();
    for (const practice of practices) await appendPublicationLog(em, practice.id, practice.status);
    for (const practice of practices) await refreshLibraryEntry(em.fork(), practice.id);
    await em.execute(`update library_practice set refreshed_at = '2025-03-01T12:00:00Z'`);
    await em.execute(`update library_practice set refreshed_at = '2025-04-02T08:00:00Z' where slug = ?`, [
      listed[5],
    ]);
    // The database's own order of slugs, which keyset paging follows.
    const ordered = await em.execute<{ slug: string }[]>(`select slug from library_practice order by slug`);
    listed.splice(0, listed.length, ...ordered.map((r) => r.slug));
  });
  afterAll(() => api?.close());

  it('lists every published and retracted slug once, a page at a time, with its last change', async () => {
    const seen: LibrarySlugPage['items'] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const response = await get(`/api/library/slugs?limit=5${after ? `&after=${after}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['cache-control']).toBe('public, no-cache');
      const body = response.json<LibrarySlugPage>();
      expect(body.items.length).toBeLessThanOrEqual(5);
      seen.push(...body.items);
      after = body.next;
      if (!after) break;
      expect(after).toBe(body.items.at(-1)!.slug);
    }
    expect(seen.map((s) => s.slug)).toEqual(listed);
    expect(seen).toHaveLength(26);
    const changed = new Date('2025-04-02T08:00:00Z').toISOString();
    expect(seen.filter((s) => s.lastModified === changed)).toHaveLength(1);
    expect(seen.filter((s) => s.lastModified === '2025-03-01T12:00:00.000Z')).toHaveLength(25);
  });

  it('cuts the list into sitemap pages whose boundaries are the keyset of the slug list', async () => {
    const response = await get('/api/library/sitemap?size=10');
    expect(response.statusCode, response.body).toBe(200);
    // The library's last change (a removal moves it too), not only the newest practice's.
    const { changedAt } = await readLibraryGeneration(api.app.get(EntityManager).fork());
    expect(response.headers['last-modified']).toBe(changedAt.toUTCString());
    const outline = response.json<LibrarySitemapOutline>();
    expect(outline).toMatchObject({ practices: 26, size: 10, lastModified: '2025-04-02T08:00:00.000Z' });
    expect(outline.pages.map((p) => p.after)).toEqual([null, listed[9], listed[19]]);
    const pageOf = async (after: string | null) =>
      (await get(`/api/library/slugs?limit=10${after ? `&after=${after}` : ''}`)).json<LibrarySlugPage>()
        .items;
    const pages = await Promise.all(outline.pages.map((p) => pageOf(p.after)));
    expect(pages.flat().map((s) => s.slug)).toEqual(listed);
    pages.forEach((items, i) =>
      expect(outline.pages[i].lastModified).toBe(
        items
          .map((s) => s.lastModified)
          .sort()
          .at(-1),
      ),
    );
    const whole = (await get('/api/library/sitemap')).json<LibrarySitemapOutline>();
    expect(whole).toMatchObject({ size: 15000, pages: [{ after: null }] });
  });

  it('answers 400 naming the parameter for malformed or unknown parameters', async () => {
    const bad = async (query: string) => {
      const response = await get(query);
      expect(response.statusCode, query).toBe(400);
      return response.json<{ issues: { path: string; message: string }[] }>().issues;
    };
    expect(await bad('/api/library/slugs?limit=0')).toEqual([
      { path: 'limit', message: 'limit must be at least 1' },
    ]);
    expect((await bad('/api/library/slugs?limit=50001'))[0].path).toBe('limit');
    expect((await bad('/api/library/slugs?limit=ten'))[0]).toMatchObject({
      path: 'limit',
      message: 'limit must be a number',
    });
    expect((await bad('/api/library/slugs?after=Not_A_Slug'))[0].path).toBe('after');
    expect((await bad(`/api/library/slugs?after=${'a'.repeat(101)}`))[0].path).toBe('after');
    expect((await bad('/api/library/slugs?after=a&after=b'))[0].path).toBe('after');
    expect((await bad('/api/library/slugs?page=2'))[0].message).toContain('page');
    expect((await bad('/api/library/sitemap?size=0'))[0].path).toBe('size');
    expect((await bad('/api/library/sitemap?size=1.5'))[0]).toMatchObject({
      path: 'size',
      message: 'size must be a whole number',
    });
  });
});

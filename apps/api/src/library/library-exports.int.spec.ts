import { randomBytes } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { LibraryExportRecord, LibrarySearchResult, PracticeContent } from '@pathways/contracts';
import { Organisation, Practice, PracticeVersion, refreshLibraryEntry } from '@pathways/persistence';
import { appendPublicationLog } from '@pathways/persistence/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../testing/practice-content';
import { startTestApi, type TestApi } from '../testing/test-api';
import { childrenNamed, childText, parseXml, type XmlElement } from '../testing/xml-tree';
import { exportBatchSize } from './library-exports.service';

/** RFC 4180, read independently of the writer: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '"' || c === '\r' || c === '\n')
      throw new Error(`Unquoted ${JSON.stringify(c)} at ${i}`);
    else field += c;
  }
  if (quoted || field || row.length) throw new Error('The CSV does not end with CRLF');
  return rows;
}

describe('library exports and feed', () => {
  let api: TestApi;
  const matching: string[] = [];
  const others: string[] = [];
  const ids = {} as Record<'quoted' | 'retracted' | 'newestOther', string>;
  /** The public page every export and feed links the quoted practice to. */
  let quotedPage = '';
  const quotedTitle = 'Fees, "hidden" costs & <b>bold</b> claims';
  const quotedSummary = 'Line one,\r\nline "two"\nand three';
  const webUrl = 'https://library.example.org';

  const get = (url: string) => api.request({ method: 'GET', url });

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_WEB_URL: `${webUrl}/` });
    const em = api.app.get(EntityManager).fork();
    const ngo = em.create(Organisation, {
      name: 'Kanlungan Centre, "KCFI"',
      kind: 'civil_society',
      country: 'PH',
      status: 'verified',
    });
    const practices: { practice: Practice; content: PracticeContent; status: Practice['status'] }[] = [];
    const add = (content: PracticeContent, status: Practice['status'] = 'published') => {
      const practice = em.create(Practice, {
        slug: `p-${randomBytes(5).toString('hex')}`,
        organisation: ngo,
        status,
      });
      practices.push({ practice, content, status });
      return practice;
    };
    // More matching practices than two export batches, and some that must stay out.
    const care = { ...completePracticeContent, themes: ['care-economy'] };
    for (let n = 0; n < 2 * exportBatchSize + 200; n++) {
      matching.push(add({ ...care, title: `Care practice ${n}`, summary: `Care summary ${n}` }).id);
    }
    const quoted = add({
      ...care,
      title: quotedTitle,
      summary: quotedSummary,
      period: { start: '2019-05-01' },
    });
    matching.push((ids.quoted = quoted.id));
    quotedPage = `${webUrl}/library/practices/${quoted.slug}`;
    matching.push((ids.retracted = add({ ...care, title: 'Withdrawn care scheme' }, 'retracted').id));
    const domestic = { ...completePracticeContent, themes: ['domestic-workers-rights'] };
    for (let n = 0; n < 60; n++) others.push(add({ ...domestic, title: `Domestic practice ${n}` }).id);
    ids.newestOther = others[0];
    add({ ...care, title: 'Unpublished draft' }, 'draft');
    await em.flush();
    for (const { practice, content } of practices) {
      practice.currentVersion = ref(em.create(PracticeVersion, { practice, number: 1, content }));
    }
    await em.flush();
    // As the publishing job would, a few at a time on their own connections.
    const pending = [...practices];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let next = pending.pop(); next; next = pending.pop()) {
          const worker = em.fork();
          await appendPublicationLog(worker, next.practice.id, next.status);
          await refreshLibraryEntry(worker, next.practice.id);
        }
      }),
    );
    // Many practices share a publication time, so batches must page on (published_at, id).
    await em.execute(
      `update library_practice set published_at = timestamptz '2025-01-01T00:00:00.123456Z'
         + (abs(hashtext(id::text)) % 3) * interval '1 day'`,
    );
    const at = (id: string, when: string) =>
      em.execute(`update library_practice set published_at = ? where id = ?`, [when, id]);
    await at(ids.quoted, '2026-03-01T00:00:00Z');
    await at(ids.retracted, '2026-02-01T00:00:00Z');
    await at(ids.newestOther, '2026-01-15T00:00:00Z');
  });
  afterAll(() => api?.close());

  describe('CSV export', () => {
    it('has a header and exactly every matching practice, across batches, newest first', async () => {
      const response = await get('/api/library/export.csv?theme=care-economy');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="pathways-practices.csv"');
      expect(response.headers['cache-control']).toBe('public, no-cache');
      const [header, ...rows] = parseCsv(response.body);
      expect(header).toEqual([
        'id',
        'url',
        'title',
        'summary',
        'organisation',
        'organisation_kind',
        'countries',
        'themes',
        'year',
        'language',
        'version',
        'published_at',
        'retracted',
      ]);
      expect(rows.length).toBe(matching.length);
      expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(matching));
      expect(rows.slice(0, 2).map((r) => r[0])).toEqual([ids.quoted, ids.retracted]);
      const published = rows.map((r) => r[11]);
      expect([...published].sort().reverse()).toEqual(published);

      const search = (await get('/api/library/practices?theme=care-economy')).json<LibrarySearchResult>();
      expect(search.total).toBe(rows.length);
    });

    it('quotes commas, quotes and line breaks so every field reads back as written', async () => {
      const response = await get(`/api/library/export.csv?q=hidden`);
      const [, row, ...rest] = parseCsv(response.body);
      expect(rest).toEqual([]);
      expect(row).toEqual([
        ids.quoted,
        quotedPage,
        quotedTitle,
        quotedSummary,
        'Kanlungan Centre, "KCFI"',
        'civil_society',
        completePracticeContent.countries.map((c) => `${c.code}:${c.role}`).join(';'),
        'care-economy',
        '2019',
        'en',
        '1',
        '2026-03-01T00:00:00.000Z',
        'false',
      ]);
    });

    it('writes just the header when nothing matches', async () => {
      const response = await get('/api/library/export.csv?q=zzxxqqvv');
      expect(response.statusCode).toBe(200);
      expect(parseCsv(response.body)).toHaveLength(1);
    });
  });

  describe('JSON export', () => {
    it('is one array holding every matching practice', async () => {
      const response = await get('/api/library/export.json?theme=care-economy');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="pathways-practices.json"');
      expect(response.headers['cache-control']).toBe('public, no-cache');
      const records = response.json<LibraryExportRecord[]>();
      expect(records.length).toBe(matching.length);
      expect(new Set(records.map((r) => r.id))).toEqual(new Set(matching));
      expect(records.find((r) => r.id === ids.retracted)).toMatchObject({ retracted: true });
      expect(records[0]).toMatchObject({
        id: ids.quoted,
        url: quotedPage,
        title: quotedTitle,
        summary: quotedSummary,
        organisationName: 'Kanlungan Centre, "KCFI"',
        themes: ['care-economy'],
        countries: completePracticeContent.countries,
        versionNumber: 1,
        publishedAt: '2026-03-01T00:00:00.000Z',
        retracted: false,
      });
    });

    it('is an empty array when nothing matches, and combines words and filters as the search does', async () => {
      expect((await get('/api/library/export.json?q=zzxxqqvv')).json()).toEqual([]);
      expect((await get('/api/library/export.json?q=hidden&theme=domestic-workers-rights')).json()).toEqual(
        [],
      );
      const all = (await get('/api/library/export.json')).json<LibraryExportRecord[]>();
      expect(all.length).toBe(matching.length + others.length);
    });
  });

  it('answers 400 naming the parameter for malformed or unknown export parameters', async () => {
    for (const format of ['csv', 'json']) {
      const bad = async (query: string) => {
        const response = await get(`/api/library/export.${format}?${query}`);
        expect(response.statusCode, query).toBe(400);
        return response.json<{ issues: { path: string; message: string }[] }>().issues;
      };
      expect((await bad('theme=unknown'))[0]).toMatchObject({ path: 'theme.0', message: 'Unknown theme' });
      expect((await bad('year=abc'))[0].path).toMatch(/^year/);
      expect((await bad(`q=${'a'.repeat(201)}`))[0].path).toBe('q');
      expect((await bad('page=2'))[0].message).toContain('page');
      expect((await bad('colour=red'))[0].message).toContain('colour');
    }
  });

  describe('Atom feed', () => {
    const feed = async (query = '') => {
      const response = await get(`/api/library/feed.atom${query}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      expect(response.headers['cache-control']).toBe('public, no-cache');
      const root = parseXml(response.body);
      expect(root.name).toBe('feed');
      expect(root.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
      return root;
    };
    const entryIds = (root: XmlElement) =>
      childrenNamed(root, 'entry').map((e) => childText(e, 'id').replace('urn:uuid:', ''));
    const links = (element: XmlElement) =>
      Object.fromEntries(childrenNamed(element, 'link').map((l) => [l.attributes.rel, l.attributes.href]));

    it('holds the 50 latest publications, well-formed, with the feed’s own metadata', async () => {
      const root = await feed();
      expect(childText(root, 'id')).toBe('urn:pathways:library');
      expect(childText(root, 'title')).toBe('Pathways practice library');
      expect(links(root)).toEqual({
        self: expect.stringMatching(/\/api\/library\/feed\.atom$/),
        alternate: `${webUrl}/library`,
      });
      const entries = childrenNamed(root, 'entry');
      expect(entries).toHaveLength(50);
      expect(entryIds(root).slice(0, 3)).toEqual([ids.quoted, ids.retracted, ids.newestOther]);
      const updated = entries.map((e) => childText(e, 'updated'));
      expect(childText(root, 'updated')).toBe([...updated].sort().at(-1));

      const [first] = entries;
      expect(childText(first, 'title')).toBe(quotedTitle);
      expect(childText(first, 'summary')).toBe(quotedSummary);
      expect(childText(first, 'published')).toBe('2026-03-01T00:00:00.000Z');
      expect(Date.parse(childText(first, 'updated'))).toBeGreaterThanOrEqual(Date.parse('2026-03-01'));
      expect(links(first)).toEqual({ alternate: quotedPage });
      expect(childrenNamed(first, 'category').map((c) => c.attributes.term)).toEqual(['care-economy']);
      expect(childText(childrenNamed(first, 'author')[0], 'name')).toBe('Kanlungan Centre, "KCFI"');
    });

    it('marks a retracted practice in its title', async () => {
      const retracted = childrenNamed(await feed(), 'entry')[1];
      expect(childText(retracted, 'title')).toBe('Retracted: Withdrawn care scheme');
    });

    it('narrows to one theme', async () => {
      const root = await feed('?theme=domestic-workers-rights');
      expect(childText(root, 'id')).toBe('urn:pathways:library:theme:domestic-workers-rights');
      expect(links(root).alternate).toBe(`${webUrl}/library?theme=domestic-workers-rights`);
      const entries = childrenNamed(root, 'entry');
      expect(entries).toHaveLength(50);
      expect(entryIds(root)[0]).toBe(ids.newestOther);
      for (const id of entryIds(root)) expect(others).toContain(id);
      for (const entry of entries) {
        expect(childrenNamed(entry, 'category').map((c) => c.attributes.term)).toContain(
          'domestic-workers-rights',
        );
      }
    });

    it('answers 400 naming the parameter for an unknown theme or parameter', async () => {
      const bad = async (query: string) => {
        const response = await get(`/api/library/feed.atom?${query}`);
        expect(response.statusCode, query).toBe(400);
        return response.json<{ issues: { path: string; message: string }[] }>().issues;
      };
      expect(await bad('theme=unknown')).toEqual([{ path: 'theme', message: 'Unknown theme' }]);
      expect((await bad('theme=care-economy&theme=domestic-workers-rights'))[0].path).toBe('theme');
      expect((await bad('colour=red'))[0].message).toContain('colour');
    });
  });
});

import { randomBytes } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { LibraryPractice, PracticeContent } from '@pathways/contracts';
import { Organisation, Practice, PracticeVersion, refreshLibraryEntry } from '@pathways/persistence';
import { appendPublication, appendRetraction } from '@pathways/persistence/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../testing/practice-content';
import { startTestApi, type TestApi } from '../testing/test-api';

describe('the public page of a library practice', () => {
  let api: TestApi;
  let em: EntityManager;
  const webUrl = 'https://library.example.org';
  const first: PracticeContent = {
    ...completePracticeContent,
    title: 'Remesas seguras para trabajadoras domésticas',
    summary: 'Talleres de ahorro en consulados.',
    language: 'es',
    partners: ['Cooperativa Juntas'],
    period: { start: '2021-03-01' },
  };
  const second: PracticeContent = {
    ...first,
    summary: 'Talleres de ahorro en consulados y en línea.',
    indicators: [{ indicator: 'Cuentas abiertas', women: 830, men: 95, unit: 'cuentas', year: 2025 }],
  };
  const firstAt = new Date('2025-05-04T03:02:01.000Z');
  const secondAt = new Date('2026-01-10T12:00:00.000Z');
  let slug = '';
  let retractedSlug = '';
  let organisation: Organisation;

  const get = (url: string, headers: Record<string, string> = {}) =>
    api.request({ method: 'GET', url, headers });
  const practiceAt = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<LibraryPractice>();
  };

  /** A practice with stored versions; each publication is logged and refreshed as the worker would. */
  async function publish(
    contents: PracticeContent[],
    dates: Date[],
    status: Practice['status'] = 'published',
  ) {
    const practice = em.create(Practice, {
      slug: `remesas-seguras-${randomBytes(4).toString('hex')}`,
      organisation,
      status,
    });
    const versions = contents.map((content, i) =>
      em.create(PracticeVersion, { practice, number: i + 1, content }),
    );
    await em.flush();
    practice.currentVersion = ref(versions.at(-1)!);
    await em.flush();
    for (const [i, at] of dates.entries()) {
      await appendPublication(em, practice.id, i + 1, at);
      await refreshLibraryEntry(em, practice.id);
    }
    return practice;
  }

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_WEB_URL: webUrl });
    em = api.app.get(EntityManager).fork();
    organisation = em.create(Organisation, {
      name: 'Secretaría del Trabajo & Previsión',
      kind: 'government',
      country: 'MX',
      status: 'verified',
    });
    slug = (await publish([first, second], [firstAt, secondAt])).slug;
    const retracted = await publish([{ ...first, title: 'Un plan retirado' }], [firstAt], 'retracted');
    await appendRetraction(
      em,
      retracted.id,
      1,
      'The figures could not be verified.',
      new Date('2025-09-01T00:00:00Z'),
    );
    await refreshLibraryEntry(em, retracted.id);
    retractedSlug = retracted.slug;
  });
  afterAll(() => api?.close());

  it('shows the latest published version with every field, the organisation, the language and the history', async () => {
    const practice = await practiceAt(`/api/library/practices/${slug}`);
    expect(practice).toMatchObject({
      slug,
      versionNumber: 2,
      latestVersionNumber: 2,
      publishedAt: secondAt.toISOString(),
      language: 'es',
      content: second,
      organisation: { name: 'Secretaría del Trabajo & Previsión', kind: 'government', country: 'MX' },
      retraction: null,
      versions: [
        { number: 1, publishedAt: firstAt.toISOString(), previousNumber: null, changedFields: [] },
        {
          number: 2,
          publishedAt: secondAt.toISOString(),
          previousNumber: 1,
          changedFields: ['indicators', 'summary'],
        },
      ],
    });
    expect(practice.changes).toEqual([
      { field: 'indicators', kind: 'changed', before: first.indicators, after: second.indicators },
      { field: 'summary', kind: 'changed', before: first.summary, after: second.summary },
    ]);
  });

  it('keeps each published version at its permanent address', async () => {
    const practice = await practiceAt(`/api/library/practices/${slug}/versions/1`);
    expect(practice).toMatchObject({
      versionNumber: 1,
      latestVersionNumber: 2,
      publishedAt: firstAt.toISOString(),
      content: first,
      changes: [],
    });
    expect(practice.versions.map((v) => v.number)).toEqual([1, 2]);
  });

  it('reads the library, not the workspace: a practice under revision still shows what was published', async () => {
    const [row] = await em.execute<{ id: string }[]>(`select id from practice where slug = ?`, [slug]);
    const draft = em.create(PracticeVersion, {
      practice: row.id,
      number: 3,
      content: { ...second, title: 'Borrador sin publicar' },
    });
    await em.flush();
    await em.nativeUpdate(Practice, { id: row.id }, { status: 'in_review', currentVersion: draft.id });
    expect((await practiceAt(`/api/library/practices/${slug}`)).content.title).toBe(first.title);
    expect((await get(`/api/library/practices/${slug}/versions/3`)).statusCode).toBe(404);
  });

  it('shows a retracted practice with its notice', async () => {
    const practice = await practiceAt(`/api/library/practices/${retractedSlug}`);
    expect(practice.retraction).toEqual({
      retractedAt: '2025-09-01T00:00:00.000Z',
      notice: 'The figures could not be verified.',
    });
    expect(practice.content.title).toBe('Un plan retirado');
  });

  it('answers 404 for what the library does not have and 400 naming a malformed parameter', async () => {
    const unknown = await get('/api/library/practices/no-such-practice-1234');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await get(`/api/library/practices/${slug}/versions/9`)).statusCode).toBe(404);
    expect((await get(`/api/library/practices/${slug}/versions/9/citation`)).statusCode).toBe(404);

    const cases: [string, string][] = [
      ['/api/library/practices/Not%20A%20Slug', 'slug'],
      [`/api/library/practices/${slug}/versions/two`, 'number'],
      [`/api/library/practices/${slug}/versions/0`, 'number'],
      [`/api/library/practices/${slug}/citation?format=ris`, 'format'],
      [`/api/library/practices/${slug}/citation?locale=de`, 'locale'],
      [`/api/library/practices/${slug}/versions/1/citation?format=word`, 'format'],
    ];
    for (const [url, parameter] of cases) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(400);
      expect(
        response.json().issues.map((i: { path: string }) => i.path),
        url,
      ).toEqual([parameter]);
    }
    const extra = await get(`/api/library/practices/${slug}/citation?style=apa`);
    expect(extra.statusCode).toBe(400);
  });

  describe('citations', () => {
    const latestUrl = () => `${webUrl}/library/practices/${slug}/versions/2`;

    it('formats the text in the reader’s language, with the version and its permanent address', async () => {
      const en = await get(`/api/library/practices/${slug}/citation`);
      expect(en.statusCode).toBe(200);
      expect(en.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(en.body).toBe(
        `Secretaría del Trabajo & Previsión. (2026). Remesas seguras para trabajadoras domésticas (Version 2) [Good practice]. Pathways. ${latestUrl()}`,
      );
      const es = await get(`/api/library/practices/${slug}/citation?format=text&locale=es`);
      expect(es.body).toContain('(Versión 2) [Buena práctica]');
      const v1 = await get(`/api/library/practices/${slug}/versions/1/citation?locale=fr`);
      expect(v1.body).toBe(
        `Secretaría del Trabajo & Previsión. (2025). Remesas seguras para trabajadoras domésticas (Version 1) [Bonne pratique]. Pathways. ${webUrl}/library/practices/${slug}/versions/1`,
      );
      // citation-js builds an APA engine per locale on first use: about a second of CPU each.
    }, 120_000);

    it('gives BibTeX as a download that LaTeX can read', async () => {
      const response = await get(`/api/library/practices/${slug}/citation?format=bibtex`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/x-bibtex; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${slug}-v2.bib"`);
      const key = `pathways_${slug.replace(/-/g, '_')}_v2`;
      expect(response.body.startsWith(`@techreport{${key},`)).toBe(true);
      const fields = Object.fromEntries(
        [...response.body.matchAll(/^\t(\w+) = \{(.*)\},$/gm)].map(([, name, value]) => [name, value]),
      );
      expect(fields).toMatchObject({
        // The ampersand escaped: unescaped, it stops LaTeX.
        author: '{Secretaría del Trabajo \\& Previsión}',
        year: '2026',
        institution: 'Pathways',
        note: 'Version 2',
        url: latestUrl(),
      });
      expect(fields.title).toContain('Remesas seguras');
    });

    it('gives CSL-JSON with title, author, date issued, version and address', async () => {
      const response = await get(`/api/library/practices/${slug}/versions/1/citation?format=csl`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${slug}-v1.json"`);
      expect(JSON.parse(response.body)).toEqual([
        expect.objectContaining({
          type: 'report',
          title: first.title,
          author: [{ literal: 'Secretaría del Trabajo & Previsión' }],
          issued: { 'date-parts': [[2025, 5, 4]] },
          version: '1',
          language: 'es',
          URL: `${webUrl}/library/practices/${slug}/versions/1`,
          abstract: first.summary,
        }),
      ]);
      const retracted = await get(`/api/library/practices/${retractedSlug}/citation?format=csl`);
      expect(JSON.parse(retracted.body)[0].status).toBe('retracted');
    });
  });

  describe('caching', () => {
    it('answers 304 to a current ETag or date, and a new representation once the library changes', async () => {
      const url = `/api/library/practices/${retractedSlug}`;
      const fresh = await get(url);
      const { etag, 'last-modified': lastModified } = fresh.headers as Record<string, string>;
      expect(etag).toMatch(/^"[\w-]{27}"$/);
      expect(new Date(lastModified).getTime()).toBe(
        Math.floor(new Date(fresh.json<LibraryPractice>().updatedAt).getTime() / 1000) * 1000,
      );
      expect(fresh.headers['cache-control']).toBe('public, no-cache');

      const byTag = await get(url, { 'if-none-match': etag });
      expect(byTag.statusCode).toBe(304);
      expect(byTag.body).toBe('');
      expect(byTag.headers.etag).toBe(etag);
      expect((await get(url, { 'if-modified-since': lastModified })).statusCode).toBe(304);
      expect((await get(url, { 'if-none-match': '"something-else"' })).statusCode).toBe(200);
      expect(
        (await get(url, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() }))
          .statusCode,
      ).toBe(200);

      // Each representation has its own tag: a version, a citation format, a language.
      const tags = await Promise.all(
        [
          `${url}/versions/1`,
          `${url}/citation`,
          `${url}/citation?locale=es`,
          `${url}/citation?format=bibtex`,
          `${url}/citation?format=csl`,
        ].map(async (u) => (await get(u)).headers.etag),
      );
      expect(new Set([etag, ...tags]).size).toBe(6);

      // A re-delivered job changes nothing public: the same tag still answers 304.
      const [{ id }] = await em.execute<{ id: string }[]>(`select id from practice where slug = ?`, [
        retractedSlug,
      ]);
      await refreshLibraryEntry(em, id);
      expect((await get(url, { 'if-none-match': etag })).statusCode).toBe(304);

      // A new publication does: the old tag gets the new representation.
      await appendPublication(em, id, 1, new Date('2026-06-01T00:00:00Z'));
      await refreshLibraryEntry(em, id);
      const after = await get(url, { 'if-none-match': etag });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(etag);
      expect(after.json<LibraryPractice>().retraction).toBeNull();
    });
  });
});

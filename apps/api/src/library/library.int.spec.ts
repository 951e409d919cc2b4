import { randomBytes } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  LibrarySearchQuery,
  type LibrarySearchResult,
  type OrganisationKind,
  type PracticeContent,
} from '@pathways/contracts';
import { Organisation, Practice, PracticeVersion, refreshLibraryEntry } from '@pathways/persistence';
import { appendPublicationLog } from '@pathways/persistence/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../testing/practice-content';
import { LibraryService } from './library.service';
import { searchBounds } from './library-search.sql';
import { startTestApi, type TestApi } from '../testing/test-api';

describe('the public library search', () => {
  let api: TestApi;
  const ids: Record<'en' | 'es' | 'fr' | 'retracted' | 'draft' | 'accepted', string> = {} as never;

  const search = async (query: string) => {
    const response = await api.request({ method: 'GET', url: `/api/library/practices?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<LibrarySearchResult>();
  };
  const idsOf = (result: LibrarySearchResult) => result.items.map((i) => i.id);
  const facet = (result: LibrarySearchResult, name: keyof LibrarySearchResult['facets']) =>
    Object.fromEntries(result.facets[name].map((f) => [f.value, f.count]));
  const marked = (text: { text: string; marks: [number, number][] }) =>
    text.marks.map(([a, b]) => text.text.slice(a, b));

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.app.get(EntityManager).fork();
    const organisation = (name: string, kind: OrganisationKind, country: string) =>
      em.create(Organisation, { name, kind, country, status: 'verified' });
    const ngo = organisation('Kanlungan Centre', 'civil_society', 'PH');
    const ministry = organisation('Secretaría del Trabajo', 'government', 'MX');
    const practice = async (
      content: PracticeContent,
      status: Practice['status'] = 'published',
      org: Organisation = ngo,
    ) => {
      const created = em.create(Practice, {
        slug: `p-${randomBytes(4).toString('hex')}`,
        organisation: org,
        status,
      });
      const version = em.create(PracticeVersion, { practice: created, number: 1, content });
      await em.flush();
      created.currentVersion = ref(version);
      await em.flush();
      await appendPublicationLog(em, created.id, status);
      await refreshLibraryEntry(em, created.id);
      return created.id;
    };
    ids.en = await practice({ ...completePracticeContent, period: { start: '2024-01-01' } });
    ids.es = await practice(
      {
        ...completePracticeContent,
        title: 'Trabajadoras domésticas y remesas: ahorro seguro',
        summary: 'Las trabajadoras domésticas migrantes aprenden a enviar remesas sin comisiones abusivas.',
        problem: 'Las comisiones de envío se llevan una parte del salario.',
        description: 'Talleres en consulados con cooperativas de ahorro.',
        outcomes: 'Más ahorro en las comunidades de origen.',
        themes: ['remittances-investment', 'domestic-workers-rights'],
        stages: ['destination'],
        countries: [
          { code: 'MX', role: 'origin' },
          { code: 'US', role: 'destination' },
        ],
        period: { start: '2019-03-01' },
        language: 'es',
      },
      'published',
      ministry,
    );
    ids.fr = await practice({
      ...completePracticeContent,
      title: 'Accompagnement juridique des travailleuses domestiques',
      summary: 'Des juristes bénévoles accompagnent les travailleuses devant les prud’hommes.',
      problem: 'Les travailleuses ignorent leurs recours.',
      description: 'Permanences hebdomadaires.',
      outcomes: 'Des indemnités obtenues.',
      themes: ['domestic-workers-rights'],
      stages: ['destination'],
      countries: [
        { code: 'SN', role: 'origin' },
        { code: 'FR', role: 'destination' },
      ],
      frameworks: ['cedaw'],
      period: { start: '2021-06-01' },
      language: 'fr',
    });
    ids.retracted = await practice(
      {
        ...completePracticeContent,
        title: 'Recruitment fee ban for care workers',
        summary: 'Employers pay the recruitment fees of care workers.',
        themes: ['care-economy'],
        targetGroups: ['care-workers'],
        countries: [
          { code: 'ID', role: 'origin' },
          { code: 'SG', role: 'destination' },
        ],
        period: { start: '2020-01-01' },
      },
      'retracted',
    );
    ids.draft = await practice(
      { ...completePracticeContent, title: 'Clandestine orientation draft' },
      'draft',
    );
    ids.accepted = await practice({ ...completePracticeContent, title: 'Accepted orientation' }, 'accepted');
  });
  afterAll(() => api?.close());

  it('finds the Spanish practice with or without accents, and marks the matched words', async () => {
    for (const q of [
      'trabajadoras domésticas',
      'trabajadoras domesticas',
      'TRABAJADORAS DOMÉSTICAS remesas',
    ]) {
      const result = await search(`q=${encodeURIComponent(q)}`);
      expect(result.items[0].id, q).toBe(ids.es);
      expect(result.didYouMean).toBeNull();
    }
    const [hit] = (await search('q=remesas')).items;
    expect(hit).toMatchObject({ id: ids.es, language: 'es', year: 2019, retracted: false, versionNumber: 1 });
    expect(hit.title.text).toBe('Trabajadoras domésticas y remesas: ahorro seguro');
    expect(marked(hit.title)).toEqual(['remesas']);
    expect(marked(hit.summary)).toEqual(['remesas']);
  });

  it('stems English words and finds countries by name in any language', async () => {
    const result = await search('q=orientations+returnee');
    expect(idsOf(result)).toEqual([ids.en]);
    expect(marked(result.items[0].title)).toEqual(['orientation', 'returnee']);
    expect(idsOf(await search('q=Philippines'))).toEqual([ids.en]);
    expect(idsOf(await search('q=Filipinas'))).toEqual([ids.en]);
  });

  it('still finds a practice when words are misspelled, and says what it searched for', async () => {
    const result = await search(`q=${encodeURIComponent('predeparture orientaton')}`);
    expect(result.didYouMean).toBe('pre-departure orientation');
    expect(idsOf(result)).toContain(ids.en);
    const nothing = await search('q=zzxxqqvv');
    expect(nothing).toMatchObject({ total: 0, items: [], didYouMean: null });
  });

  it('counts every facet over the match set, and the counts narrow with the filters', async () => {
    const all = await search('');
    expect(all.total).toBe(4);
    expect(facet(all, 'theme')).toEqual({
      'domestic-workers-rights': 2,
      'remittances-investment': 1,
      'pre-departure-orientation': 1,
      'care-economy': 1,
    });
    expect(all.facets.theme[0]).toEqual({ value: 'domestic-workers-rights', count: 2 });
    expect(facet(all, 'year')).toEqual({ '2019': 1, '2020': 1, '2021': 1, '2024': 1 });
    expect(facet(all, 'organisationKind')).toEqual({ civil_society: 3, government: 1 });
    expect(facet(all, 'role')).toEqual({ origin: 4, destination: 4 });
    // UN M49 regions of the practices' countries: South-eastern Asia (035) in Asia (142), and more.
    expect(facet(all, 'region')).toMatchObject({ '035': 2, '142': 2 });

    const narrowed = await search('theme=domestic-workers-rights');
    expect(narrowed.total).toBe(2);
    expect(idsOf(narrowed).sort()).toEqual([ids.es, ids.fr].sort());
    expect(facet(narrowed, 'country')).toEqual({ FR: 1, MX: 1, SN: 1, US: 1 });
    expect(facet(narrowed, 'organisationKind')).toEqual({ civil_society: 1, government: 1 });
    expect(facet(narrowed, 'framework')).toEqual({ cedaw: 1 });
    expect(facet(narrowed, 'stage')).toEqual({ destination: 2 });
  });

  it('combines filters: any value within one facet, every facet at once', async () => {
    expect(idsOf(await search('theme=domestic-workers-rights&organisationKind=government'))).toEqual([
      ids.es,
    ]);
    expect((await search('theme=care-economy&theme=remittances-investment')).total).toBe(2);
    expect(idsOf(await search('country=PH&role=origin'))).toEqual([ids.en]);
    expect((await search('region=035')).total).toBe(2);
    expect((await search('region=999')).total).toBe(0);
    expect((await search('year=2019&year=2021')).total).toBe(2);
    expect(idsOf(await search('language=fr'))).toEqual([ids.fr]);
    expect(idsOf(await search('q=juridique&targetGroup=care-workers'))).toEqual([]);
    expect(idsOf(await search('q=workers&targetGroup=care-workers'))).toEqual([ids.retracted]);
  });

  it('sorts and pages', async () => {
    const titles = (r: LibrarySearchResult) => r.items.map((i) => i.title.text);
    const first = await search('sort=title&pageSize=3');
    const second = await search('sort=title&pageSize=3&page=2');
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect([...titles(first), ...titles(second)]).toEqual([
      'Accompagnement juridique des travailleuses domestiques',
      'Pre-departure orientation by returnee women',
      'Recruitment fee ban for care workers',
      'Trabajadoras domésticas y remesas: ahorro seguro',
    ]);
    expect((await search('sort=title&pageSize=3&page=3')).items).toEqual([]);
    const oldest = await search('sort=oldest');
    const newest = await search('sort=newest');
    expect(idsOf(oldest)).toEqual(idsOf(newest).reverse());
  });

  it('keeps retracted practices findable, marked retracted, and never shows unpublished ones', async () => {
    const [hit] = (await search('q=recruitment')).items;
    expect(hit).toMatchObject({ id: ids.retracted, retracted: true });
    const all = await search('pageSize=50');
    expect(idsOf(all)).not.toContain(ids.draft);
    expect(idsOf(all)).not.toContain(ids.accepted);
    expect(idsOf(await search('q=clandestine'))).toEqual([]);
  });

  it('takes any words, operators and stop words as plain search input', async () => {
    for (const q of ['the', '"unclosed (', ' & | ! <-> :*', "'; drop table library_practice; --", '   ']) {
      const result = await search(`q=${encodeURIComponent(q)}`);
      expect(result.total, q).toBe(q.trim() ? 0 : 4);
    }
    expect((await search('q=-care+workers')).items.map((i) => i.id)).not.toContain(ids.retracted);
  });

  it('bounds the work of a broad search: exact total, facets estimated from a sample, newest candidates ranked', async () => {
    const exact = await search('pageSize=50');
    expect(exact.approximate).toBe(false);
    // A word whose best match is not its newest one, so ranking the newest alone shows the bound.
    let word = '';
    let newestId: string | undefined;
    for (const candidate of [
      'workers',
      'domestic',
      'migrant',
      'women',
      'rights',
      'domestiques',
      'trabajadoras',
    ]) {
      const best = await search(`q=${candidate}&pageSize=1`);
      const newest = await search(`q=${candidate}&sort=newest&pageSize=1`);
      if (best.total >= 2 && best.items[0]?.id !== newest.items[0]?.id) {
        [word, newestId] = [candidate, newest.items[0]?.id];
        break;
      }
    }
    expect(word).not.toBe('');
    const library = api.app.get(LibraryService);
    library.bounds = { rankedCandidates: 1, facetSample: 2 };
    try {
      // The service itself: the route's cache would give back the answers above.
      const sampled = await library.search(LibrarySearchQuery.parse({ pageSize: '50' }));
      expect(sampled.total).toBe(exact.total);
      expect(sampled.approximate).toBe(true);
      // Two practices in the sample stand for all of them: their counts scale to the total.
      const kinds = Object.values(facet(sampled, 'organisationKind'));
      expect(kinds.length).toBeLessThanOrEqual(2);
      expect(Math.abs(kinds.reduce((a, b) => a + b, 0) - exact.total)).toBeLessThanOrEqual(1);
      // Relevance ranks only the newest match when one is asked for.
      const ranked = await library.search(LibrarySearchQuery.parse({ q: word, pageSize: '1' }));
      expect(idsOf(ranked)).toEqual([newestId]);
    } finally {
      library.bounds = searchBounds;
    }
  });

  it('answers 400 naming the parameter for malformed or unknown parameters', async () => {
    const bad = async (query: string) => {
      const response = await api.request({ method: 'GET', url: `/api/library/practices?${query}` });
      expect(response.statusCode, query).toBe(400);
      return response.json<{ issues: { path: string; message: string }[] }>().issues;
    };
    expect(await bad('sort=bogus')).toEqual([
      { path: 'sort', message: 'sort is one of: relevance, newest, oldest, title' },
    ]);
    expect((await bad('year=abc'))[0].path).toMatch(/^year/);
    expect((await bad('theme=unknown'))[0]).toMatchObject({ path: 'theme.0', message: 'Unknown theme' });
    expect((await bad('pageSize=51'))[0].path).toBe('pageSize');
    expect((await bad(`q=${'a'.repeat(201)}`))[0].path).toBe('q');
    expect((await bad('colour=red'))[0].message).toContain('colour');
  });
});

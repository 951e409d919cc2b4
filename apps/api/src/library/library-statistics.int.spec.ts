import { randomBytes } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { LibraryStatistics, PracticeContent } from '@pathways/contracts';
import { Organisation, Practice, PracticeVersion, refreshLibraryEntry } from '@pathways/persistence';
import { appendPracticeEvent, appendPublication, appendRetraction } from '@pathways/persistence/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../testing/practice-content';
import { startTestApi, type TestApi } from '../testing/test-api';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));

describe('the library statistics', () => {
  let api: TestApi;
  const secrets: string[] = [];
  let practice: (
    content: Partial<PracticeContent>,
    decision: 'accept' | 'reject' | 'desk_reject' | null,
    days: number,
    after?: 'publish' | 'retract' | null,
  ) => Promise<void>;

  const statistics = async (query = '') => {
    const response = await api.request({
      method: 'GET',
      url: `/api/library/statistics${query ? `?${query}` : ''}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return { body: response.json<LibraryStatistics>(), response };
  };
  const counts = (list: { value: string; count: number }[]) =>
    Object.fromEntries(list.map(({ value, count }) => [value, count]));

  beforeAll(async () => {
    api = await startTestApi();
    const em = api.app.get(EntityManager).fork();
    const organisation = em.create(Organisation, {
      name: 'Kanlungan Centre',
      kind: 'civil_society',
      country: 'PH',
      status: 'verified',
    });
    secrets.push(organisation.name);

    /** A practice taken through review to `decision` after `days`, then published (and retracted) if asked. */
    practice = async (content, decision, days, after = null) => {
      const slug = `p-${randomBytes(4).toString('hex')}`;
      const created = em.create(Practice, { slug, organisation, status: 'draft' });
      const version = em.create(PracticeVersion, {
        practice: created,
        number: 1,
        content: { ...completePracticeContent, ...content },
      });
      await em.flush();
      created.currentVersion = ref(version);
      await em.flush();
      secrets.push(created.id, slug);
      const step = (transition: string, fromState: string, toState: string, at: Date) =>
        appendPracticeEvent(em, created.id, { transition, fromState, toState, versionNumber: 1, at });
      await step('submit', 'draft', 'submitted', day(0));
      await step('start_screening', 'submitted', 'screening', day(0));
      if (decision === 'desk_reject') await step('desk_reject', 'screening', 'rejected', day(days));
      if (decision === 'accept' || decision === 'reject') {
        await step('send_to_review', 'screening', 'in_review', day(1));
        // A round of revisions is part of the same review, not a decision.
        await step('request_revisions', 'in_review', 'revisions_requested', day(1));
        await step('resubmit', 'revisions_requested', 'resubmitted', day(1));
        await step('resume_review', 'resubmitted', 'in_review', day(1));
        await step(decision, 'in_review', decision === 'accept' ? 'accepted' : 'rejected', day(days));
      }
      if (after) await appendPublication(em, created.id, 1, day(days + 1));
      if (after === 'retract') await appendRetraction(em, created.id, 1, 'Withdrawn.', day(days + 2));
      await refreshLibraryEntry(em, created.id);
    };

    await practice(
      {
        themes: ['remittances-investment'],
        stages: ['pre-departure'],
        countries: [
          { code: 'PH', role: 'origin' },
          { code: 'ES', role: 'destination' },
        ],
        period: { start: '2024-01-01' },
      },
      'accept',
      10,
      'publish',
    );
    await practice(
      {
        themes: ['remittances-investment', 'domestic-workers-rights'],
        stages: ['destination'],
        countries: [
          { code: 'PH', role: 'origin' },
          { code: 'ES', role: 'destination' },
          { code: 'IT', role: 'destination' },
          { code: 'AE', role: 'transit' },
        ],
        period: { start: '2024-06-01' },
      },
      'accept',
      30,
      'publish',
    );
    await practice(
      {
        themes: ['care-economy'],
        stages: ['destination'],
        countries: [
          { code: 'MX', role: 'origin' },
          { code: 'US', role: 'destination' },
        ],
        period: { start: '2019-03-01' },
      },
      'accept',
      20,
      'retract',
    );
    // Decided but never in the library: they count in the review figures only.
    await practice({ themes: ['care-economy'] }, 'reject', 4);
    await practice({ themes: ['care-economy'] }, 'desk_reject', 2);
    // Submitted, still undecided.
    await practice({ themes: ['care-economy'] }, null, 0);
  });
  afterAll(() => api?.close());

  it('counts every practice ever published by theme, stage, region and year, retracted ones too', async () => {
    const { body, response } = await statistics();
    expect(body.total).toBe(3);
    expect(body.retracted).toBe(1);
    expect(counts(body.byTheme)).toEqual({
      'remittances-investment': 2,
      'domestic-workers-rights': 1,
      'care-economy': 1,
    });
    expect(body.byTheme[0]).toEqual({ value: 'remittances-investment', count: 2 });
    expect(counts(body.byStage)).toEqual({ 'pre-departure': 1, destination: 2 });
    // Asia (142) and South-eastern Asia (035) for PH, Southern Europe (039) for ES and IT, Americas (019).
    expect(counts(body.byRegion)).toMatchObject({ '142': 2, '035': 2, '039': 2, '150': 2, '019': 1 });
    expect(body.byYear).toEqual([
      { value: '2019', count: 1 },
      { value: '2024', count: 2 },
    ]);
    expect(response.headers['last-modified']).toBeTruthy();
    expect(response.headers['etag']).toMatch(/^"[\w-]{27}"$/);
  });

  it('ranks the corridors from origin to destination countries, transit aside', async () => {
    const { body } = await statistics();
    expect(body.corridors).toEqual([
      { origin: 'PH', destination: 'ES', count: 2 },
      { origin: 'MX', destination: 'US', count: 1 },
      { origin: 'PH', destination: 'IT', count: 1 },
    ]);
  });

  it('gives the median days from submission to decision and the share accepted over every decision', async () => {
    const { body } = await statistics();
    // Decided after 2, 4, 10, 20 and 30 days; three of five accepted.
    expect(body.review).toEqual({ decisions: 5, accepted: 3, shareAccepted: 0.6, medianDays: 10 });
  });

  it('narrows the practices (not the review figures) with the search filters', async () => {
    const { body } = await statistics('theme=domestic-workers-rights');
    expect(body).toMatchObject({ total: 1, retracted: 0, byYear: [{ value: '2024', count: 1 }] });
    expect(body.corridors).toEqual([
      { origin: 'PH', destination: 'ES', count: 1 },
      { origin: 'PH', destination: 'IT', count: 1 },
    ]);
    expect(body.review.decisions).toBe(5);

    expect((await statistics('country=MX&country=IT')).body).toMatchObject({ total: 2, retracted: 1 });
    expect((await statistics('region=019&year=2019')).body.total).toBe(1);
    expect((await statistics('year=2019&theme=remittances-investment')).body).toMatchObject({
      total: 0,
      byTheme: [],
      corridors: [],
    });
  });

  it('holds aggregates only: no practice, organisation or person', async () => {
    const { body, response } = await statistics();
    expect(Object.keys(body).sort()).toEqual(
      [
        'byRegion',
        'byStage',
        'byTheme',
        'byYear',
        'corridors',
        'retracted',
        'review',
        'total',
        'updatedAt',
      ].sort(),
    );
    for (const secret of secrets) expect(response.body).not.toContain(secret);
  });

  it('answers 400 naming the parameter for malformed or unknown parameters', async () => {
    const bad = async (query: string) => {
      const response = await api.request({ method: 'GET', url: `/api/library/statistics?${query}` });
      expect(response.statusCode, query).toBe(400);
      return response.json<{ issues: { path: string; message: string }[] }>().issues;
    };
    expect((await bad('theme=unknown'))[0]).toMatchObject({ path: 'theme.0', message: 'Unknown theme' });
    expect((await bad('year=abc'))[0].path).toMatch(/^year/);
    expect((await bad('region=Asia'))[0].path).toMatch(/^region/);
    // Words, language and paging are the search's, not the statistics'.
    expect((await bad('q=remesas'))[0].message).toContain('q');
    expect((await bad('page=2'))[0].message).toContain('page');
    expect((await bad('colour=red'))[0].message).toContain('colour');
  });

  it('counts a new publication and a new decision at once, although figures are cached', async () => {
    const { body: before, response: first } = await statistics();
    expect((await statistics()).body).toEqual(before);
    const conditional = (headers: Record<string, string>) =>
      api.request({ method: 'GET', url: '/api/library/statistics', headers });
    const etag = String(first.headers['etag']);
    expect((await conditional({ 'if-none-match': etag })).statusCode).toBe(304);
    expect(
      (await conditional({ 'if-modified-since': String(first.headers['last-modified']) })).statusCode,
    ).toBe(304);
    // Another filter combination is another representation.
    const filtered = await statistics('theme=care-economy');
    expect(filtered.response.headers['etag']).not.toBe(etag);
    await practice(
      {
        themes: ['family-support'],
        countries: [
          { code: 'SN', role: 'origin' },
          { code: 'FR', role: 'destination' },
        ],
      },
      'accept',
      1,
      'publish',
    );
    const { body: after, response: changed } = await statistics();
    expect(changed.headers['etag']).not.toBe(etag);
    expect((await conditional({ 'if-none-match': etag })).statusCode).toBe(200);
    expect(after.total).toBe(before.total + 1);
    expect(counts(after.byTheme)['family-support']).toBe(1);
    expect(after.review).toMatchObject({ decisions: 6, accepted: 4 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../testing/practice-content';
import { reviewFixtures } from '../testing/review-fixtures';
import { startTestApi, type TestApi } from '../testing/test-api';

interface Suggestion {
  reviewerId: string;
  name: string;
  unEntity: boolean;
  matches: { themes: string[]; languages: string[]; countries: string[] };
  activeReviews: number;
  score: number;
  excluded: string | null;
}

describe('reviewer suggestions', () => {
  let api: TestApi;
  let admin: string;
  let editor: string;
  let author: { token: string; id: string };
  let orgId: string;
  let practiceId: string;
  let fx: ReturnType<typeof reviewFixtures>;
  const roster: Record<string, { id: string; token: string }> = {};

  const suggestions = async (token = editor) => {
    const response = await fx.call('GET', `/api/practices/${practiceId}/reviewer-suggestions`, token);
    expect(response.statusCode).toBe(200);
    return response.json().items as Suggestion[];
  };
  const byId = (items: Suggestion[]) => (key: string) => items.find((s) => s.reviewerId === roster[key].id)!;

  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.signUp({ roles: ['admin'] })).token;
    editor = (await api.signUp({ roles: ['editor'] })).token;
    fx = reviewFixtures(api, admin);
    // The author reviews too, so the roster holds someone from the submitting organisation.
    const account = await api.signUp({ roles: ['reviewer'] });
    author = { token: account.token, id: account.user.id };
    roster.author = author;
    orgId = (await fx.organisation(author.token, 'Department of Migrant Workers', 'government', 'PH')).id;
    const expertise = { themes: ['pre-departure-orientation', 'domestic-workers-rights'], languages: ['en'] };
    roster.expert = await fx.reviewer({ name: 'UN Women', kind: 'un_entity', country: null }, expertise);
    roster.busyExpert = await fx.reviewer(
      { name: 'ILO Office', kind: 'un_entity', country: null },
      expertise,
    );
    roster.countryExpert = await fx.reviewer(
      { name: 'Gulf Research Centre', kind: 'research', country: 'MX' },
      { countries: ['AE'] },
    );
    roster.novice = await fx.reviewer({ name: 'Rights Network', kind: 'civil_society', country: 'ES' });
    roster.compatriot = await fx.reviewer(
      { name: 'Philippine University', kind: 'research', country: 'PH' },
      expertise,
    );
    // Another practice keeps the busy expert occupied.
    const other = await fx.practiceInScreening(author.token, orgId, editor, {
      ...completePracticeContent,
      title: 'Another practice',
    });
    await fx.invite(other, roster.busyExpert.id, editor);
    practiceId = await fx.practiceInScreening(author.token, orgId, editor);
  });
  afterAll(() => api?.close());

  it('ranks the roster by expertise, then load, with excluded reviewers last and the reason', async () => {
    const items = await suggestions();
    const names = Object.fromEntries(Object.entries(roster).map(([key, r]) => [r.id, key]));
    expect(items.map((s) => names[s.reviewerId])).toEqual([
      'expert',
      'busyExpert',
      'countryExpert',
      'novice',
      'compatriot',
      'author',
    ]);
    const of = byId(items);
    expect(of('expert')).toMatchObject({
      unEntity: true,
      matches: { themes: ['pre-departure-orientation'], languages: ['en'], countries: [] },
      activeReviews: 0,
      score: 5,
      excluded: null,
    });
    expect(of('busyExpert')).toMatchObject({ activeReviews: 1, score: 4 });
    expect(of('countryExpert')).toMatchObject({ unEntity: false, matches: { countries: ['AE'] }, score: 1 });
    expect(of('compatriot').excluded).toMatch(/same country/);
    expect(of('author').excluded).toMatch(/submitting organisation/);
  });

  it('excludes a reviewer once invited for this version', async () => {
    await fx.invite(practiceId, roster.expert.id, editor);
    const of = byId(await suggestions());
    expect(of('expert')).toMatchObject({ excluded: 'Already invited for this version.', activeReviews: 1 });
  });

  it('is for editors only', async () => {
    const url = `/api/practices/${practiceId}/reviewer-suggestions`;
    expect((await fx.call('GET', url, author.token)).statusCode).toBe(403);
    expect((await fx.call('GET', url, roster.expert.token)).statusCode).toBe(403);
    expect((await fx.call('GET', url, admin)).statusCode).toBe(403);
    expect((await fx.call('GET', url)).statusCode).toBe(401);
    const draft = (
      await fx.call('POST', '/api/practices', author.token, { organisationId: orgId, content: {} })
    ).json();
    expect((await fx.call('GET', `/api/practices/${draft.id}/reviewer-suggestions`, editor)).statusCode).toBe(
      404,
    );
    expect((await fx.call('GET', '/api/practices/not-an-id/reviewer-suggestions', editor)).statusCode).toBe(
      404,
    );
  });
});

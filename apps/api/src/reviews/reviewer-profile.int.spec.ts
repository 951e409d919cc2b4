import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewFixtures } from '../testing/review-fixtures';
import { startTestApi, type TestApi } from '../testing/test-api';

describe('reviewer profiles', () => {
  let api: TestApi;
  let admin: string;
  let fx: ReturnType<typeof reviewFixtures>;

  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.signUp({ roles: ['admin'] })).token;
    fx = reviewFixtures(api, admin);
  });
  afterAll(() => api?.close());

  it('lets a reviewer keep their expertise, starting empty', async () => {
    const reviewer = await api.signUp({ roles: ['reviewer'] });
    expect((await fx.call('GET', '/api/me/reviewer-profile', reviewer.token)).json()).toEqual({
      themes: [],
      languages: [],
      countries: [],
    });
    const saved = await fx.call('PUT', '/api/me/reviewer-profile', reviewer.token, {
      themes: ['domestic-workers-rights', 'pre-departure-orientation'],
      languages: ['EN', 'es', 'es'],
      countries: ['ph', 'AE'],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({
      themes: ['domestic-workers-rights', 'pre-departure-orientation'],
      languages: ['en', 'es'],
      countries: ['PH', 'AE'],
    });
    expect((await fx.call('GET', '/api/me/reviewer-profile', reviewer.token)).json()).toEqual(saved.json());
  });

  it('names the entries that are not taxonomy themes, languages or countries', async () => {
    const reviewer = await api.signUp({ roles: ['reviewer'] });
    const themes = await fx.call('PUT', '/api/me/reviewer-profile', reviewer.token, {
      themes: ['domestic-workers-rights', 'astrology', 'domestic-workers-rights', 'pre-departure'],
    });
    expect(themes.statusCode).toBe(400);
    expect(themes.json().issues.map((i: { path: string }) => i.path)).toEqual(['themes.1', 'themes.3']);
    const others = await fx.call('PUT', '/api/me/reviewer-profile', reviewer.token, {
      languages: ['english'],
      countries: ['XX1'],
      hobbies: [],
    });
    expect(others.statusCode).toBe(400);
    expect(
      others
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['(body)', 'countries.0', 'languages.0']);
    expect((await fx.call('GET', '/api/me/reviewer-profile', reviewer.token)).json().themes).toEqual([]);
  });

  it('has no profile for people without the reviewer role', async () => {
    const partner = await api.signUp();
    expect((await fx.call('GET', '/api/me/reviewer-profile', partner.token)).statusCode).toBe(403);
    expect((await fx.call('PUT', '/api/me/reviewer-profile', partner.token, { themes: [] })).statusCode).toBe(
      403,
    );
    expect((await fx.call('GET', '/api/me/reviewer-profile', admin)).statusCode).toBe(403);
    expect((await fx.call('GET', '/api/me/reviewer-profile')).statusCode).toBe(401);
  });

  it('lets admins, and no one else, keep any reviewer’s profile', async () => {
    const reviewer = await api.signUp({ roles: ['reviewer'] });
    const other = await api.signUp({ roles: ['reviewer'] });
    const editor = await api.signUp({ roles: ['editor'] });
    const url = `/api/users/${reviewer.user.id}/reviewer-profile`;
    const saved = await fx.call('PUT', url, admin, { themes: ['remittances-investment'], countries: ['MX'] });
    expect(saved.statusCode).toBe(200);
    expect((await fx.call('GET', url, admin)).json()).toEqual({
      themes: ['remittances-investment'],
      languages: [],
      countries: ['MX'],
    });
    expect((await fx.call('GET', '/api/me/reviewer-profile', reviewer.token)).json().countries).toEqual([
      'MX',
    ]);
    expect((await fx.call('PUT', url, other.token, { themes: [] })).statusCode).toBe(403);
    expect((await fx.call('PUT', url, editor.token, { themes: [] })).statusCode).toBe(403);
    expect((await fx.call('GET', url, editor.token)).statusCode).toBe(403);
    const nobody = '/api/users/00000000-0000-4000-8000-000000000000/reviewer-profile';
    expect((await fx.call('PUT', nobody, admin, { themes: [] })).statusCode).toBe(404);
    expect((await fx.call('PUT', url, admin, { themes: ['astrology'] })).json().issues[0].path).toBe(
      'themes.0',
    );
  });
});

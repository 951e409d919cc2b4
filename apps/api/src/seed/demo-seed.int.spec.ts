import { EntityManager } from '@mikro-orm/postgresql';
import { Membership, Organisation, User } from '@pathways/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/test-api';
import { seedDemo } from './demo-seed';

describe('the demo seed', () => {
  let api: TestApi;
  const em = () => api.app.get(EntityManager).fork();

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const snapshot = async () => {
    const e = em();
    return {
      users: await e.count(User, {}),
      organisations: await e.count(Organisation, {}),
      memberships: await e.count(Membership, {}),
    };
  };

  it('gives reviewers expertise and two of them a verified UN entity, and changes nothing when run again', async () => {
    const logins = await seedDemo(em());
    expect(logins.map((l) => l.key)).toEqual(
      expect.arrayContaining(['reviewer1', 'reviewer2', 'reviewer3', 'reviewer4']),
    );
    const once = await snapshot();
    await seedDemo(em());
    expect(await snapshot()).toEqual(once);

    const reviewers = await em().find(
      User,
      { roles: { $contains: ['reviewer'] } },
      { orderBy: { email: 'asc' } },
    );
    expect(reviewers.map((r) => r.email)).toEqual([1, 2, 3, 4].map((n) => `reviewer${n}@pathways.example`));
    for (const reviewer of reviewers) {
      expect(reviewer.expertiseThemes.length).toBeGreaterThan(0);
      expect(reviewer.reviewLanguages.length).toBeGreaterThan(0);
    }
    const unMembers = await em().find(
      Membership,
      { status: 'active', organisation: { kind: 'un_entity', status: 'verified' } },
      { populate: ['user'] },
    );
    expect(unMembers.map((m) => m.user.email).sort()).toEqual([
      'reviewer1@pathways.example',
      'reviewer4@pathways.example',
    ]);
  });

  it('lets demo reviewers log in', async () => {
    const login = await api.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'reviewer4@pathways.example', password: 'pathways-reviewer-demo' },
    });
    expect(login.statusCode).toBe(200);
  });
});

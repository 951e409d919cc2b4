import { EntityManager } from '@mikro-orm/postgresql';
import { defaultReviewPolicy } from '@pathways/contracts';
import { OutboxMessage } from '@pathways/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onePersonPanel, reviewFixtures } from '../testing/review-fixtures';
import { startTestApi, type TestApi } from '../testing/test-api';

describe('the review policy', () => {
  let api: TestApi;
  let admin: string;
  let editor: string;
  let fx: ReturnType<typeof reviewFixtures>;

  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.signUp({ roles: ['admin'] })).token;
    editor = (await api.signUp({ roles: ['editor'] })).token;
    fx = reviewFixtures(api, admin);
  });
  afterAll(() => api?.close());

  it('answers the defaults, never saved (version 0), to editors and admins only', async () => {
    for (const token of [editor, admin]) {
      const policy = await fx.call('GET', '/api/review-policy', token);
      expect(policy.statusCode).toBe(200);
      expect(policy.json()).toEqual({ ...defaultReviewPolicy, version: 0, updatedAt: null });
    }
    const reviewer = await api.signUp({ roles: ['reviewer'] });
    const partner = await api.signUp();
    expect((await fx.call('GET', '/api/review-policy', reviewer.token)).statusCode).toBe(403);
    expect((await fx.call('GET', '/api/review-policy', partner.token)).statusCode).toBe(403);
    expect((await fx.call('GET', '/api/review-policy')).statusCode).toBe(401);
  });

  it('lets only admins save it', async () => {
    const byEditor = await fx.call('PUT', '/api/review-policy', editor, {
      ...defaultReviewPolicy,
      version: 0,
    });
    expect(byEditor.statusCode).toBe(403);
    expect(
      (await fx.call('PUT', '/api/review-policy', undefined, { ...defaultReviewPolicy, version: 0 }))
        .statusCode,
    ).toBe(401);
  });

  it('names the fields of a bad policy', async () => {
    const before = await fx.call('PUT', '/api/review-policy', admin, {
      ...defaultReviewPolicy,
      reviewDueDays: 10,
      remindBeforeDueDays: 10,
      version: 0,
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().issues).toEqual([
      { path: 'remindBeforeDueDays', message: 'remindBeforeDueDays must be shorter than reviewDueDays' },
    ]);
    const wrong = await fx.call('PUT', '/api/review-policy', admin, {
      ...defaultReviewPolicy,
      reviewersRequired: 0,
      blindMode: 'triple',
      invitationWindowDays: 'seven',
      surprise: true,
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['(body)', 'blindMode', 'invitationWindowDays', 'reviewersRequired', 'version'].sort());
  });

  it('creates the policy on the first save, once, and refuses a stale version', async () => {
    const first = { ...defaultReviewPolicy, invitationWindowDays: 5, version: 0 };
    const [a, b] = await Promise.all([
      fx.call('PUT', '/api/review-policy', admin, first),
      fx.call('PUT', '/api/review-policy', admin, { ...first, invitationWindowDays: 6 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [saved, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(lost.json().code).toBe('STALE_VERSION');
    expect(saved.json()).toMatchObject({ version: 1, updatedAt: expect.any(String) });

    const again = await fx.call('PUT', '/api/review-policy', admin, { ...first, version: 0 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('STALE_VERSION');

    const second = await fx.call('PUT', '/api/review-policy', admin, { ...onePersonPanel, version: 1 });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ ...onePersonPanel, version: 2 });
    expect((await fx.call('GET', '/api/review-policy', editor)).json()).toMatchObject({ version: 2 });

    const audit = await api.app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute(`select data from audit_event where action = 'review_policy.updated' order by created_at`);
    expect(audit).toHaveLength(2);
    expect(audit[1].data).toMatchObject({ after: onePersonPanel });
  });

  it('is what the practice guards and invitations follow', async () => {
    await fx.call('PUT', '/api/review-policy', admin, {
      ...onePersonPanel,
      invitationWindowDays: 2,
      version: (await fx.call('GET', '/api/review-policy', admin)).json().version,
    });
    const author = await api.signUp();
    const org = await fx.organisation(author.token, 'Ministry of Labour', 'government', 'PH');
    const id = await fx.practiceInScreening(author.token, org.id, editor);
    const reviewer = await fx.reviewer({ name: 'Rights Network', kind: 'civil_society', country: 'ES' });
    await fx.invite(id, reviewer.id, editor);

    const expiry = await api.app
      .get(EntityManager)
      .fork()
      .findOneOrFail(OutboxMessage, { jobName: 'expire-invitation' }, { orderBy: { createdAt: 'desc' } });
    expect(expiry.delayMs).toBe(2 * 86_400_000);

    // One reviewer, from no UN entity, is a full panel under this policy.
    const transitions = (await fx.call('GET', `/api/practices/${id}/transitions`, editor)).json().items;
    expect(transitions.find((t: { name: string }) => t.name === 'send_to_review')).toMatchObject({
      enabled: true,
    });
    expect((await fx.fire(id, 'send_to_review', editor)).statusCode).toBe(200);
  });
});

import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Notification, User } from '@pathways/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';

describe('in-app notifications', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const notify = async (userId: string, title: string) => {
    const em = api.app.get(EntityManager).fork();
    em.create(Notification, {
      recipient: em.getReference(User, userId),
      kind: 'decided',
      sourceId: randomUUID(),
      title,
      body: `${title} — details`,
      link: '/practices/x',
    });
    await em.flush();
  };
  const get = (token: string, query = '') =>
    api.request({ method: 'GET', url: `/api/notifications${query}`, headers: bearer(token) });

  it('shows each person only their own, newest first, with the unread count', async () => {
    const ana = await api.signUp();
    const ben = await api.signUp();
    await notify(ana.user.id, 'First');
    await notify(ana.user.id, 'Second');
    await notify(ben.user.id, 'For Ben');

    const page = (await get(ana.token)).json();
    expect(page).toMatchObject({ total: 2, unread: 2 });
    expect(page.items.map((n: { title: string }) => n.title)).toEqual(['Second', 'First']);
    expect((await api.request({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('marks one or all as read, and never someone else’s', async () => {
    const ana = await api.signUp();
    const ben = await api.signUp();
    await notify(ana.user.id, 'One');
    await notify(ana.user.id, 'Two');
    const [first] = (await get(ana.token)).json().items;

    const byBen = await api.request({
      method: 'POST',
      url: `/api/notifications/${first.id}/read`,
      headers: bearer(ben.token),
    });
    expect(byBen.statusCode).toBe(404);
    const read = await api.request({
      method: 'POST',
      url: `/api/notifications/${first.id}/read`,
      headers: bearer(ana.token),
    });
    expect(read.json().readAt).toEqual(expect.any(String));
    expect((await get(ana.token, '?unread=true')).json()).toMatchObject({ total: 1, unread: 1 });

    const all = await api.request({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: bearer(ana.token),
    });
    expect(all.json()).toEqual({ marked: 1 });
    expect((await get(ana.token)).json().unread).toBe(0);
  });
});

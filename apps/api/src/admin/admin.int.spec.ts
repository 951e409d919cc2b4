import { EntityManager } from '@mikro-orm/postgresql';
import { EmailDelivery } from '@pathways/persistence';
import { enqueueHeartbeat, QueueProducer, queueNames, redisConnectionOptions } from '@pathways/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';

describe('the admin area', () => {
  let api: TestApi;
  let admin: string;
  let editor: string;
  let partner: string;

  const call = (url: string, token?: string) =>
    api.request({ method: 'GET', url, headers: token ? bearer(token) : {} });

  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.signUp({ roles: ['admin'] })).token;
    editor = (await api.signUp({ roles: ['editor'] })).token;
    partner = (await api.signUp()).token;
  });
  afterAll(() => api?.close());

  describe('mail log', () => {
    beforeAll(async () => {
      // The worker writes these; here they are written as it would.
      const em = api.app.get(EntityManager).fork();
      const day = (n: number) => new Date(Date.UTC(2026, 10, n));
      for (const [n, to, status] of [
        [1, 'maria@ministry.example', 'sent'],
        [3, 'rosa@reviewers.example', 'sent'],
        [2, 'maria.santos@ministry.example', 'sending'],
      ] as const) {
        em.create(EmailDelivery, {
          key: `test:${n}`,
          to,
          subject: `Message ${n}`,
          text: `Body ${n}`,
          status,
          createdAt: day(n),
          sentAt: status === 'sent' ? day(n) : null,
        });
      }
      await em.flush();
    });

    it('lists e-mails newest first, a page at a time', async () => {
      const first = await call('/api/admin/emails?pageSize=2', admin);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(first.json().items.map((m: { subject: string }) => m.subject)).toEqual([
        'Message 3',
        'Message 2',
      ]);
      expect(first.json().items[1]).toMatchObject({ status: 'sending', sentAt: null, key: 'test:2' });
      const second = (await call('/api/admin/emails?pageSize=2&page=2', admin)).json();
      expect(second.items.map((m: { subject: string }) => m.subject)).toEqual(['Message 1']);
    });

    it('filters by recipient', async () => {
      const found = (await call('/api/admin/emails?to=MARIA', admin)).json();
      expect(found.total).toBe(2);
      expect(found.items.map((m: { to: string }) => m.to)).toEqual([
        'maria.santos@ministry.example',
        'maria@ministry.example',
      ]);
      expect((await call('/api/admin/emails?to=%25', admin)).json().total).toBe(0);
    });

    it('is for admins only, and names bad parameters', async () => {
      expect((await call('/api/admin/emails', editor)).statusCode).toBe(403);
      expect((await call('/api/admin/emails')).statusCode).toBe(401);
      const bad = await call('/api/admin/emails?pageSize=1000&page=0', admin);
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .issues.map((i: { path: string }) => i.path)
          .sort(),
      ).toEqual(['page', 'pageSize']);
    });
  });

  describe('queue dashboard', () => {
    const queuesApi = '/api/admin/queues/api/queues';

    it('refuses callers who are not admins', async () => {
      const anonymous = await call(queuesApi);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      expect((await call(queuesApi, 'not-a-session')).statusCode).toBe(401);
      const refused = await call(queuesApi, partner);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', requestId: expect.any(String) });
      expect((await call('/api/admin/queues', editor)).statusCode).toBe(403);
    });

    it('shows admins the queues the worker uses, under the same Redis prefix', async () => {
      // A job as the worker's relay would add it: same Redis, same prefix.
      const producer = new QueueProducer({
        connection: redisConnectionOptions(api.config.REDIS_URL),
        prefix: api.config.REDIS_PREFIX,
      });
      try {
        await enqueueHeartbeat(producer, 'test', { delay: 60_000 });
      } finally {
        await producer.close();
      }
      const response = await call(queuesApi, admin);
      expect(response.statusCode).toBe(200);
      const queues = response.json().queues as { name: string; counts: Record<string, number> }[];
      expect(queues.map((q) => q.name).sort()).toEqual([...queueNames].sort());
      expect(queues.find((q) => q.name === 'heartbeat')?.counts.delayed).toBe(1);

      const page = await call('/api/admin/queues', admin);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toContain('<base href="/api/admin/queues/"');
      const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.body)?.[1];
      expect((await call(`/api/admin/queues/${script}`, admin)).statusCode).toBe(200);
      expect((await call(`/api/admin/queues/${script}`)).statusCode).toBe(401);
    });
  });
});

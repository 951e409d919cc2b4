import { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';

describe('platform roles', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: object) =>
    api.request({ method, url, payload, headers: token ? bearer(token) : {} });

  it('lets an admin make a user a reviewer, once, and records it', async () => {
    const admin = await api.signUp({ roles: ['admin'] });
    const user = await api.signUp();
    const granted = await call('POST', `/api/users/${user.user.id}/roles`, admin.token, { role: 'reviewer' });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().roles).toEqual(['partner', 'reviewer']);
    const again = await call('POST', `/api/users/${user.user.id}/roles`, admin.token, { role: 'reviewer' });
    expect(again.json().roles).toEqual(['partner', 'reviewer']);
    expect((await call('GET', '/api/me', user.token)).json().user.roles).toContain('reviewer');
    const audit = await api.app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute(`select action from audit_event where subject_id = ?`, [user.user.id]);
    expect((audit as { action: string }[]).map((row) => row.action)).toEqual([
      'user.registered',
      'user.role_granted',
    ]);
  });

  it('refuses role changes by non-admins (403) and anonymous callers (401), and unknown roles (400)', async () => {
    const admin = await api.signUp({ roles: ['admin'] });
    const editor = await api.signUp({ roles: ['editor'] });
    const user = await api.signUp();
    expect(
      (await call('POST', `/api/users/${user.user.id}/roles`, editor.token, { role: 'admin' })).statusCode,
    ).toBe(403);
    expect(
      (await call('POST', `/api/users/${user.user.id}/roles`, undefined, { role: 'admin' })).statusCode,
    ).toBe(401);
    const unknown = await call('POST', `/api/users/${user.user.id}/roles`, admin.token, { role: 'partner' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues[0].path).toBe('role');
    expect((await call('DELETE', `/api/users/${user.user.id}/roles/overlord`, admin.token)).statusCode).toBe(
      400,
    );
    expect((await call('GET', '/api/users', user.token)).statusCode).toBe(403);
  });

  it('never removes the last admin, even when two admins demote each other at once', async () => {
    const isolated = await startTestApi();
    try {
      const first = await isolated.signUp({ roles: ['admin'] });
      const last = await call2(isolated, 'DELETE', `/api/users/${first.user.id}/roles/admin`, first.token);
      expect(last.statusCode).toBe(409);
      expect(last.json().code).toBe('LAST_ADMIN');

      const second = await isolated.signUp({ roles: ['admin'] });
      const [a, b] = await Promise.all([
        call2(isolated, 'DELETE', `/api/users/${second.user.id}/roles/admin`, first.token),
        call2(isolated, 'DELETE', `/api/users/${first.user.id}/roles/admin`, second.token),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const admins = await call2(
        isolated,
        'GET',
        '/api/users?role=admin',
        a.statusCode === 200 ? first.token : second.token,
      );
      expect(admins.json().total).toBe(1);
    } finally {
      await isolated.close();
    }
  });

  it('lists and searches users for admins, with pagination', async () => {
    const admin = await api.signUp({ roles: ['admin'] });
    await api.signUp({ name: 'Zainab Searchable' });
    const found = (await call('GET', '/api/users?q=searchable', admin.token)).json();
    expect(found).toMatchObject({ total: 1, page: 1 });
    expect(found.items[0].name).toBe('Zainab Searchable');
    const page = (await call('GET', '/api/users?pageSize=1&page=2', admin.token)).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(2);
  });
});

function call2(api: TestApi, method: 'GET' | 'DELETE', url: string, token: string) {
  return api.request({ method, url, headers: bearer(token) });
}

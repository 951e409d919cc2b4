import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';

describe('organisations and memberships', () => {
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    // Many people sign up here from one address; the hourly limit on registrations is not under test.
    api = await startTestApi({ REGISTRATIONS_PER_IP_PER_HOUR: '100' });
    admin = (await api.signUp({ roles: ['admin'] })).token;
  });
  afterAll(() => api?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token?: string, payload?: object) =>
    api.request({ method, url, payload, headers: token ? bearer(token) : {} });
  const create = async (token: string, overrides: object = {}) => {
    const response = await call('POST', '/api/organisations', token, {
      name: `Ministry of Labour ${Math.random().toString(36).slice(2, 8)}`,
      kind: 'government',
      country: 'ph',
      website: 'https://labour.example.gov',
      ...overrides,
    });
    expect(response.statusCode).toBe(201);
    return response.json();
  };
  const verify = async (org: { id: string; version: number }) => {
    const response = await call('POST', `/api/organisations/${org.id}/verify`, admin, {
      version: org.version,
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it('creates a pending organisation whose creator is its focal point', async () => {
    const { token } = await api.signUp();
    const org = await create(token);
    expect(org).toMatchObject({ status: 'pending', country: 'PH', verifiedAt: null });
    const me = (await call('GET', '/api/me', token)).json();
    expect(me.memberships).toEqual([
      expect.objectContaining({
        organisationId: org.id,
        role: 'focal_point',
        status: 'active',
        organisationStatus: 'pending',
      }),
    ]);
  });

  it('hides a pending organisation from everyone but its members and admins (404)', async () => {
    const owner = await api.signUp();
    const stranger = await api.signUp();
    const org = await create(owner.token);
    expect((await call('GET', `/api/organisations/${org.id}`, owner.token)).statusCode).toBe(200);
    expect((await call('GET', `/api/organisations/${org.id}`, admin)).statusCode).toBe(200);
    expect((await call('GET', `/api/organisations/${org.id}`, stranger.token)).statusCode).toBe(404);
    expect((await call('GET', `/api/organisations/${org.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/organisations/not-a-uuid`)).statusCode).toBe(404);

    const publicList = (await call('GET', '/api/organisations?pageSize=100')).json();
    expect(publicList.items.map((o: { id: string }) => o.id)).not.toContain(org.id);
    const mine = (await call('GET', '/api/organisations?mine=true', owner.token)).json();
    expect(mine.items.map((o: { id: string }) => o.id)).toEqual([org.id]);
  });

  it('lets an admin verify it, after which the public sees it and its members act for it', async () => {
    const owner = await api.signUp();
    const org = await create(owner.token, { kind: 'civil_society', name: 'Kanlungan Migrant Centre' });
    const before = (await call('GET', '/api/me', owner.token)).json();
    expect(before.rules.some((rule: unknown[]) => rule[0] === 'act_for')).toBe(true);

    const verified = await verify(org);
    expect(verified).toMatchObject({
      status: 'verified',
      verifiedAt: expect.any(String),
      version: org.version + 1,
    });
    expect((await call('GET', `/api/organisations/${org.id}`)).statusCode).toBe(200);
    const pending = (await call('GET', '/api/organisations?status=pending&pageSize=100', admin)).json();
    expect(pending.items.map((o: { id: string }) => o.id)).not.toContain(org.id);

    const again = await call('POST', `/api/organisations/${org.id}/verify`, admin, {
      version: verified.version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
  });

  it('lets an admin reject with a reason that the focal point can read', async () => {
    const owner = await api.signUp();
    const org = await create(owner.token);
    const missing = await call('POST', `/api/organisations/${org.id}/reject`, admin, {
      version: org.version,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues[0].path).toBe('reason');
    const rejected = await call('POST', `/api/organisations/${org.id}/reject`, admin, {
      version: org.version,
      reason: 'We could not confirm that this ministry exists.',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    const seen = (await call('GET', `/api/organisations/${org.id}`, owner.token)).json();
    expect(seen.rejectionReason).toBe('We could not confirm that this ministry exists.');
  });

  it('refuses verification by anyone but an admin', async () => {
    const owner = await api.signUp();
    const org = await create(owner.token);
    const byOwner = await call('POST', `/api/organisations/${org.id}/verify`, owner.token, {
      version: org.version,
    });
    expect(byOwner.statusCode).toBe(403);
    const anonymous = await call('POST', `/api/organisations/${org.id}/verify`, undefined, {
      version: org.version,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets only the focal point edit, freezes identity once verified, and answers 409 to stale edits', async () => {
    const owner = await api.signUp();
    const stranger = await api.signUp();
    const draft = await create(owner.token);
    const renamed = await call('PATCH', `/api/organisations/${draft.id}`, owner.token, {
      name: 'Department of Migrant Workers',
      version: draft.version,
    });
    expect(renamed.statusCode).toBe(200);
    const org = await verify(renamed.json());

    // Visible to a non-member (verified) but not theirs to change: 403, not 404.
    const byStranger = await call('PATCH', `/api/organisations/${org.id}`, stranger.token, {
      website: 'https://evil.example',
      version: org.version,
    });
    expect(byStranger.statusCode).toBe(403);

    const identity = await call('PATCH', `/api/organisations/${org.id}`, owner.token, {
      name: 'Other',
      version: org.version,
    });
    expect(identity.statusCode).toBe(403);
    expect(identity.json().issues).toEqual([expect.objectContaining({ path: 'name' })]);

    const website = await call('PATCH', `/api/organisations/${org.id}`, owner.token, {
      website: 'https://dmw.example.gov',
      version: org.version,
    });
    expect(website.json()).toMatchObject({ website: 'https://dmw.example.gov', version: org.version + 1 });

    const stale = await call('PATCH', `/api/organisations/${org.id}`, owner.token, {
      website: 'https://old.example.gov',
      version: org.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
  });

  it('settles two simultaneous decisions with one winner and one 409', async () => {
    const owner = await api.signUp();
    const org = await create(owner.token);
    const [a, b] = await Promise.all([
      call('POST', `/api/organisations/${org.id}/verify`, admin, { version: org.version }),
      call('POST', `/api/organisations/${org.id}/reject`, admin, {
        version: org.version,
        reason: 'Duplicate entry',
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('answers 409 for the same name in the same country, and 400 naming bad fields', async () => {
    const owner = await api.signUp();
    await create(owner.token, { name: 'Unique Body', country: 'MX' });
    const duplicate = await call('POST', '/api/organisations', owner.token, {
      name: 'unique body',
      kind: 'government',
      country: 'MX',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('DUPLICATE');

    const invalid = await call('POST', '/api/organisations', owner.token, {
      name: 'X',
      kind: 'club',
      country: 'ZZ',
      website: 'ftp://x',
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['country', 'kind', 'name', 'website']);
  });

  it('runs a join request from request to approval, with e-mails shown only to the focal point', async () => {
    const focal = await api.signUp();
    const joiner = await api.signUp({ name: 'Joiner' });
    const outsider = await api.signUp();
    const org = await verify(await create(focal.token));

    const request = await call('POST', `/api/organisations/${org.id}/memberships`, joiner.token, {
      message: 'I run the Manila desk.',
    });
    expect(request.statusCode).toBe(201);
    expect(request.json()).toMatchObject({ status: 'pending', role: 'member' });
    const twice = await call('POST', `/api/organisations/${org.id}/memberships`, joiner.token, {});
    expect(twice.statusCode).toBe(409);

    const byOutsider = await call('POST', `/api/memberships/${request.json().id}/approve`, outsider.token);
    expect(byOutsider.statusCode).toBe(404);
    const byJoiner = await call('POST', `/api/memberships/${request.json().id}/approve`, joiner.token);
    expect(byJoiner.statusCode).toBe(403);

    const members = (await call('GET', `/api/organisations/${org.id}/memberships`, focal.token)).json();
    expect(members.items.find((m: { userName: string }) => m.userName === 'Joiner')).toMatchObject({
      status: 'pending',
      userEmail: joiner.user.email,
    });

    const approved = await call('POST', `/api/memberships/${request.json().id}/approve`, focal.token);
    expect(approved.json()).toMatchObject({ status: 'active' });
    const decidedAgain = await call('POST', `/api/memberships/${request.json().id}/decline`, focal.token);
    expect(decidedAgain.statusCode).toBe(409);

    const asMember = (await call('GET', `/api/organisations/${org.id}/memberships`, joiner.token)).json();
    expect(asMember.items).toHaveLength(2);
    const focalRow = asMember.items.find((m: { userId: string }) => m.userId === focal.user.id);
    expect(focalRow).toBeDefined();
    expect(focalRow).not.toHaveProperty('userEmail');
    const me = (await call('GET', '/api/me', joiner.token)).json();
    expect(me.memberships[0]).toMatchObject({ organisationId: org.id, status: 'active' });
  });

  it('does not accept requests to join an organisation that is not verified', async () => {
    const focal = await api.signUp();
    const joiner = await api.signUp();
    const org = await create(focal.token);
    expect(
      (await call('POST', `/api/organisations/${org.id}/memberships`, joiner.token, {})).statusCode,
    ).toBe(404);
  });

  it('paginates and searches the public list', async () => {
    const owner = await api.signUp();
    for (const name of [
      'Alpha Women Workers Union',
      'Beta Women Workers Union',
      'Gamma Women Workers Union',
    ]) {
      await verify(await create(owner.token, { name, kind: 'trade_union' }));
    }
    const page = (await call('GET', '/api/organisations?q=women%20workers%20union&pageSize=2&page=2')).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((o: { name: string }) => o.name)).toEqual(['Gamma Women Workers Union']);
    const wildcard = (await call('GET', '/api/organisations?q=%25')).json();
    expect(wildcard.total).toBe(0);
    expect((await call('GET', '/api/organisations?pageSize=500')).statusCode).toBe(400);
  });

  it('narrows the list by kind and country, for leads looking for partners on a corridor', async () => {
    const owner = await api.signUp();
    const prefix = `Corridor ${Math.random().toString(36).slice(2, 8)}`;
    for (const [name, kind, country] of [
      [`${prefix} Manila union`, 'trade_union', 'PH'],
      [`${prefix} Manila ministry`, 'government', 'PH'],
      [`${prefix} Mexico union`, 'trade_union', 'MX'],
      [`${prefix} Global union`, 'trade_union', null],
    ] as const) {
      await verify(await create(owner.token, { name, kind, country }));
    }
    const names = async (query: string) =>
      (await call('GET', `/api/organisations?q=${encodeURIComponent(prefix)}&${query}`))
        .json()
        .items.map((o: { name: string }) => o.name);
    expect(await names('country=ph')).toEqual([`${prefix} Manila ministry`, `${prefix} Manila union`]);
    expect(await names('country=PH&kind=trade_union')).toEqual([`${prefix} Manila union`]);
    expect(await names('kind=trade_union')).toHaveLength(3);
    const invalid = await call('GET', '/api/organisations?country=ZZ');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().issues.map((i: { path: string }) => i.path)).toEqual(['country']);
  });

  it('pages an organisation’s members and join requests separately', async () => {
    const focal = await api.signUp();
    const org = await verify(await create(focal.token));
    const joiners = [];
    for (const name of ['First joiner', 'Second joiner', 'Third joiner']) {
      const joiner = await api.signUp({ name });
      expect(
        (await call('POST', `/api/organisations/${org.id}/memberships`, joiner.token, {})).statusCode,
      ).toBe(201);
      joiners.push(joiner);
    }
    const list = (query: string) =>
      call('GET', `/api/organisations/${org.id}/memberships?${query}`, focal.token);

    const requests = (await list('status=pending&pageSize=2&page=2')).json();
    expect(requests).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(requests.items.map((m: { userName: string }) => m.userName)).toEqual(['Third joiner']);
    const members = (await list('status=active')).json();
    expect(members.total).toBe(1);
    expect(members.items[0].userId).toBe(focal.user.id);

    // A joiner still waiting sees their own request only.
    const own = (
      await call('GET', `/api/organisations/${org.id}/memberships?status=pending`, joiners[0].token)
    ).json();
    expect(own.items.map((m: { userName: string }) => m.userName)).toEqual(['First joiner']);

    const bad = await list('status=boss&pageSize=0');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['pageSize', 'status']);
  });
});

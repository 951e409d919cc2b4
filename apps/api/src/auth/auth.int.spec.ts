import { EntityManager } from '@mikro-orm/postgresql';
import { Session } from '@pathways/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';

describe('accounts and sessions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '6' });
  });
  afterAll(() => api?.close());

  const register = (payload: unknown) =>
    api.request({ method: 'POST', url: '/api/auth/register', payload: payload as object });
  const login = (payload: unknown, ip = '10.0.0.1') =>
    api.request({ method: 'POST', url: '/api/auth/login', payload: payload as object, remoteAddress: ip });
  const me = (token: string) => api.request({ method: 'GET', url: '/api/me', headers: bearer(token) });

  it('registers an account, stores only an argon2id hash, and the token identifies the user', async () => {
    const response = await register({
      email: 'Ana.Cruz@Example.org',
      name: 'Ana Cruz',
      password: 'a long enough password',
    });
    expect(response.statusCode).toBe(201);
    const grant = response.json();
    expect(grant.user).toMatchObject({ email: 'ana.cruz@example.org', name: 'Ana Cruz', roles: ['partner'] });
    expect(grant.token).toMatch(/^pw_s_/);
    expect((await me(grant.token)).json().user.email).toBe('ana.cruz@example.org');

    const em = api.app.get(EntityManager).fork();
    const row = await em
      .getConnection()
      .execute(`select password_hash from app_user where email = 'ana.cruz@example.org'`);
    expect(row[0].password_hash).toMatch(/^\$argon2id\$/);
    const sessions = await em.find(Session, {});
    expect(sessions.some((s) => s.tokenHash === grant.token)).toBe(false);
  });

  it('answers 409 for an e-mail that is already registered, whatever its case', async () => {
    await register({ email: 'dup@example.org', name: 'First', password: 'a long enough password' });
    const response = await register({
      email: 'DUP@example.org',
      name: 'Second',
      password: 'another long password',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      statusCode: 409,
      code: 'DUPLICATE',
      requestId: expect.any(String),
    });
  });

  it('answers 400 naming each bad field', async () => {
    const response = await register({ email: 'not-an-email', name: '', password: 'short' });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['email', 'name', 'password']);
    expect(body.issues.find((i: { path: string }) => i.path === 'password').message).toMatch(
      /at least 12 characters/,
    );
  });

  it('refuses fields it does not know, such as roles', async () => {
    const response = await register({
      email: 'sneaky@example.org',
      name: 'S',
      password: 'a long enough password',
      roles: ['admin'],
    });
    expect(response.statusCode).toBe(400);
  });

  it('answers malformed JSON and oversized bodies with the error shape, never 500', async () => {
    const malformed = await api.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ statusCode: 400, requestId: expect.any(String) });

    const huge = await login({ email: 'a@b.org', password: 'x'.repeat(2_000_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('gives one generic 401 for a wrong password and for an unknown account', async () => {
    const { user } = await api.signUp();
    const wrong = await login({ email: user.email, password: 'not the password at all' }, '10.0.1.1');
    const unknown = await login(
      { email: 'nobody@example.org', password: 'not the password at all' },
      '10.0.1.2',
    );
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('logs in with the right password', async () => {
    const { user, password } = await api.signUp();
    const response = await login({ email: user.email, password }, '10.0.2.1');
    expect(response.statusCode).toBe(200);
    expect((await me(response.json().token)).statusCode).toBe(200);
  });

  it('limits failed log-ins per account, even from many addresses, with Retry-After', async () => {
    const { user, password } = await api.signUp();
    for (let i = 0; i < 3; i++) {
      expect(
        (await login({ email: user.email, password: 'wrong password!!' }, `10.1.0.${i}`)).statusCode,
      ).toBe(401);
    }
    const blocked = await login({ email: user.email, password }, '10.1.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits failed log-ins per IP address across accounts', async () => {
    for (let i = 0; i < 6; i++) {
      await login({ email: `guess${i}@example.org`, password: 'wrong password!!' }, '10.2.0.1');
    }
    const { user, password } = await api.signUp();
    expect((await login({ email: user.email, password }, '10.2.0.1')).statusCode).toBe(429);
    expect((await login({ email: user.email, password }, '10.2.0.2')).statusCode).toBe(200);
  });

  it('logs out one session, or every session at once', async () => {
    const { user, password, token } = await api.signUp();
    const second = (await login({ email: user.email, password }, '10.3.0.1')).json().token;
    const third = (await login({ email: user.email, password }, '10.3.0.1')).json().token;

    expect(
      (await api.request({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) })).statusCode,
    ).toBe(204);
    expect((await me(token)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);

    expect(
      (await api.request({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(second) }))
        .statusCode,
    ).toBe(204);
    expect((await me(second)).statusCode).toBe(401);
    expect((await me(third)).statusCode).toBe(401);
  });

  it('refuses expired and made-up tokens with 401, and anonymous callers of private routes too', async () => {
    const { token, user } = await api.signUp();
    const em = api.app.get(EntityManager).fork();
    await em.nativeUpdate(Session, { user: user.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await me(token)).statusCode).toBe(401);
    expect((await me('pw_s_made-up')).statusCode).toBe(401);
    const anonymous = await api.request({ method: 'GET', url: '/api/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
  });

  it('lets users change their own name and language, and nothing else', async () => {
    const { token } = await api.signUp();
    const ok = await api.request({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(token),
      payload: { name: 'Nueva', locale: 'es' },
    });
    expect(ok.json()).toMatchObject({ name: 'Nueva', locale: 'es' });
    const sneaky = await api.request({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(token),
      payload: { roles: ['admin'] },
    });
    expect(sneaky.statusCode).toBe(400);
  });
});

describe('client addresses behind the web server', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES_PER_IP: '2' });
  });
  afterAll(() => api?.close());

  const attempt = (remoteAddress: string, forwardedFor: string) =>
    api.request({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: `someone.${Math.random()}@example.org`, password: 'wrong password!!' },
    });

  it('counts each visitor the trusted web server forwards, not the web server itself', async () => {
    await attempt('127.0.0.1', '203.0.113.1');
    await attempt('127.0.0.1', '203.0.113.1');
    expect((await attempt('127.0.0.1', '203.0.113.1')).statusCode).toBe(429);
    expect((await attempt('127.0.0.1', '203.0.113.2')).statusCode).toBe(401);
  });

  it('ignores X-Forwarded-For from an address it does not trust', async () => {
    await attempt('198.51.100.7', '203.0.113.50');
    await attempt('198.51.100.7', '203.0.113.51');
    expect((await attempt('198.51.100.7', '203.0.113.52')).statusCode).toBe(429);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApi } from './api';
import { ApiFailure } from './api-failure';

interface Call {
  url: URL;
  init: RequestInit;
}

/** A stand-in for the network: records each request and answers with the given response. */
const answering = (response: () => Response) => {
  const calls: Call[] = [];
  const fetchFn = (async (url: URL, init: RequestInit) => {
    calls.push({ url, init });
    return response();
  }) as typeof fetch;
  return { calls, fetchFn };
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('createApi', () => {
  it('sends the bearer token and the query, skipping empty values, and checks the answer', async () => {
    const { calls, fetchFn } = answering(() => json(200, { value: 1, extra: true }));
    const api = createApi(fetchFn, 'secret-token');
    const result = await api.get('/api/things', z.object({ value: z.number() }), {
      q: '',
      page: 2,
      mine: undefined,
    });
    expect(result).toEqual({ value: 1 });
    expect(calls[0]?.url.pathname).toBe('/api/things');
    expect(calls[0]?.url.search).toBe('?page=2');
    expect((calls[0]?.init.headers as Record<string, string>).authorization).toBe('Bearer secret-token');
  });

  it('repeats a parameter for each value of a list, skipping empty values', async () => {
    const { calls, fetchFn } = answering(() => json(200, {}));
    await createApi(fetchFn, null).get('/api/library/practices', z.unknown(), {
      theme: ['care-economy', '', 'social-protection'],
      year: [2024],
      country: [],
      q: 'remesas',
    });
    expect(calls[0]?.url.search).toBe('?theme=care-economy&theme=social-protection&year=2024&q=remesas');
  });

  it("passes on the browser's address, replacing any the browser sent", async () => {
    const { calls, fetchFn } = answering(() => json(200, {}));
    await createApi(fetchFn, null, '203.0.113.7').get('/api/taxonomy', z.unknown());
    expect((calls[0]?.init.headers as Record<string, string>)['x-forwarded-for']).toBe('203.0.113.7');
  });

  it('sends JSON bodies without a token for anonymous callers', async () => {
    const { calls, fetchFn } = answering(() => json(201, { ok: true }));
    await createApi(fetchFn, null).post('/api/auth/register', z.object({ ok: z.boolean() }), { a: 1 });
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers.authorization).toBeUndefined();
    expect(headers['content-type']).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"a":1}');
  });

  it('sends multipart forms as they are, leaving the content type (and boundary) to fetch', async () => {
    const { calls, fetchFn } = answering(() => json(201, { id: 'a1' }));
    const form = new FormData();
    form.set('file', new Blob(['%PDF-1.4']), 'report.pdf');
    const result = await createApi(fetchFn, 'secret-token').postForm(
      '/api/practices/p1/attachments',
      z.object({ id: z.string() }),
      form,
    );
    expect(result).toEqual({ id: 'a1' });
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers['content-type']).toBeUndefined();
    expect(headers.authorization).toBe('Bearer secret-token');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe(form);
  });

  it('throws the API error with its code, issues and Retry-After', async () => {
    const body = {
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: 'Too many',
      requestId: 'r1',
      issues: [{ path: 'email', message: 'x' }],
    };
    const { fetchFn } = answering(() => json(429, body, { 'retry-after': '120' }));
    const error = await createApi(fetchFn, null)
      .post('/api/auth/login', z.unknown(), {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiFailure);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfter: 120, body });
  });

  it('gives an answer that is not the error shape a code anyway', async () => {
    const { fetchFn } = answering(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await createApi(fetchFn, null)
      .get('/api/me', z.unknown())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'INTERNAL' });
  });

  it('reports an unreachable API as 503', async () => {
    const fetchFn = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const error = await createApi(fetchFn, null)
      .get('/api/me', z.unknown())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  });

  it('refuses an answer that breaks the contract', async () => {
    const { fetchFn } = answering(() => json(200, { value: 'not a number' }));
    const error = await createApi(fetchFn, null)
      .get('/api/things', z.object({ value: z.number() }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502 });
  });

  it('accepts 204 answers without a body', async () => {
    const { calls, fetchFn } = answering(() => new Response(null, { status: 204 }));
    await createApi(fetchFn, 't').send('POST', '/api/auth/logout');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{}');
  });
});

import { describe, expect, it } from 'vitest';
import { proxyQueueDashboard } from './queue-dashboard';

interface Seen {
  url: string;
  init: RequestInit;
}

const upstream = (seen: Seen[], response: Response): typeof fetch =>
  (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), init: init ?? {} });
    return response;
  }) as typeof fetch;

describe('proxyQueueDashboard', () => {
  it('sends the session as a bearer token and keeps the path and query', async () => {
    const seen: Seen[] = [];
    const response = await proxyQueueDashboard({
      fetchFn: upstream(
        seen,
        new Response('{"queues":[]}', {
          status: 200,
          headers: { 'content-type': 'application/json', 'set-cookie': 'x=1', etag: '"a"' },
        }),
      ),
      request: new Request('http://web/api/admin/queues/api/queues?page=2', {
        headers: { accept: 'application/json' },
      }),
      path: 'api/queues',
      search: '?page=2',
      token: 'pw_s_token',
    });
    expect(seen[0].url).toMatch(/\/api\/admin\/queues\/api\/queues\?page=2$/);
    expect(seen[0].init.headers).toMatchObject({
      authorization: 'Bearer pw_s_token',
      accept: 'application/json',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"a"');
    // The API's cookies are not the web's to set.
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toBe('{"queues":[]}');
  });

  it('forwards a retry with its body, and passes the API’s refusal on', async () => {
    const seen: Seen[] = [];
    const response = await proxyQueueDashboard({
      fetchFn: upstream(seen, new Response('{"message":"Forbidden"}', { status: 403 })),
      request: new Request('http://web/api/admin/queues/api/queues/review/retry/failed', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
      path: 'api/queues/review/retry/failed',
      search: '',
      token: null,
    });
    expect(seen[0].init.method).toBe('PUT');
    expect(seen[0].init.headers).not.toHaveProperty('authorization');
    expect(new TextDecoder().decode(seen[0].init.body as ArrayBuffer)).toBe('{}');
    expect(response.status).toBe(403);
  });
});

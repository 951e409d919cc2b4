import { describe, expect, it } from 'vitest';
import { libraryFile } from './library-files';

const recording = (seen: string[], response: Response): typeof fetch =>
  (async (url: string | URL | Request) => {
    seen.push(String(url));
    return response;
  }) as typeof fetch;

describe('libraryFile', () => {
  it('passes the search on without what only pages it, and keeps the download headers', async () => {
    const seen: string[] = [];
    const response = await libraryFile({
      fetchFn: recording(
        seen,
        new Response('id,title\r\n', {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="pathways-practices.csv"',
            'set-cookie': 'x=1',
          },
        }),
      ),
      file: 'export.csv',
      search: new URLSearchParams('q=remesas&theme=a&theme=b&sort=newest&page=3&pageSize=50'),
    });
    expect(seen[0]).toMatch(/\/api\/library\/export\.csv\?q=remesas&theme=a&theme=b$/);
    expect(response.headers.get('content-disposition')).toContain('pathways-practices.csv');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toBe('id,title\r\n');
  });

  it('keeps only what a file accepts, and passes a refusal on', async () => {
    const seen: string[] = [];
    const response = await libraryFile({
      fetchFn: recording(seen, new Response('{"message":"bad"}', { status: 400 })),
      file: 'feed.atom',
      search: new URLSearchParams('theme=a&q=x'),
      accepts: ['theme'],
    });
    expect(seen[0]).toMatch(/\/api\/library\/feed\.atom\?theme=a$/);
    expect(response.status).toBe(400);
  });
});

describe('libraryFile conditions', () => {
  it("passes the browser's conditions on and the API's 304 back, with its validators", async () => {
    let asked: Headers | undefined;
    const response = await libraryFile({
      fetchFn: (async (_url: string | URL | Request, init?: RequestInit) => {
        asked = new Headers(init?.headers);
        return new Response(null, {
          status: 304,
          headers: { etag: '"abc"', 'cache-control': 'public, no-cache', 'set-cookie': 'x=1' },
        });
      }) as typeof fetch,
      file: 'export.csv',
      search: new URLSearchParams('theme=a'),
      headers: new Headers({
        'if-none-match': '"abc"',
        'if-modified-since': 'Wed, 02 Dec 2026 10:00:00 GMT',
        cookie: 'pw_session=secret',
      }),
    });
    expect(asked?.get('if-none-match')).toBe('"abc"');
    expect(asked?.get('if-modified-since')).toBe('Wed, 02 Dec 2026 10:00:00 GMT');
    expect(asked?.get('cookie')).toBeNull();
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe('"abc"');
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

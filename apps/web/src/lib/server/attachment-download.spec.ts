import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { downloadAttachment, downloadHeaders } from './attachment-download';

const pdf = '%PDF-1.4 small';

const api = (response: () => Response) => {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    return response();
  }) as typeof fetch;
  return { calls, fetchFn };
};

const fileAnswer = () =>
  new Response(pdf, {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'content-disposition': 'attachment; filename="report.pdf"',
      etag: '"abc"',
      'cache-control': 'private',
      'set-cookie': 'leak=1',
      'x-powered-by': 'api',
    },
  });

describe('downloadHeaders', () => {
  it('keeps what the file is and how to save it, and drops the rest', () => {
    const headers = downloadHeaders(fileAnswer().headers);
    expect(headers.get('content-type')).toBe('application/pdf');
    expect(headers.get('content-disposition')).toBe('attachment; filename="report.pdf"');
    expect(headers.get('content-length')).toBe(String(pdf.length));
    expect(headers.get('etag')).toBe('"abc"');
    expect(headers.get('set-cookie')).toBeNull();
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('always makes it a sandboxed, unsniffed, private download', () => {
    const headers = downloadHeaders(
      new Headers({ 'content-disposition': 'inline', 'cache-control': 'public, max-age=600' }),
    );
    expect(headers.get('content-disposition')).toBe('attachment');
    expect(headers.get('content-type')).toBe('application/octet-stream');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(headers.get('cache-control')).toBe('private');
  });

  it('drops the length of a body that fetch has decoded', () => {
    const headers = downloadHeaders(new Headers({ 'content-length': '10', 'content-encoding': 'gzip' }));
    expect(headers.get('content-length')).toBeNull();
  });
});

describe('downloadAttachment', () => {
  it('streams the file as the caller, passing on the token and the validator', async () => {
    const { calls, fetchFn } = api(fileAnswer);
    const response = await downloadAttachment({
      fetchFn,
      id: 'a1',
      token: 'secret',
      ifNoneMatch: '"old"',
      clientAddress: '203.0.113.7',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(pdf);
    expect(calls[0]?.url).toMatch(/\/api\/attachments\/a1$/);
    expect(calls[0]?.headers).toEqual({
      authorization: 'Bearer secret',
      'if-none-match': '"old"',
      'x-forwarded-for': '203.0.113.7',
    });
  });

  it('answers 304 without a body when the browser has the file', async () => {
    const { fetchFn } = api(() => new Response(null, { status: 304, headers: { etag: '"abc"' } }));
    const response = await downloadAttachment({ fetchFn, id: 'a1', token: null, ifNoneMatch: '"abc"' });
    expect(response.status).toBe(304);
    expect(response.body).toBeNull();
  });

  it('turns what the API refuses into the site’s error pages', async () => {
    const statusFor = async (status: number) => {
      const { fetchFn } = api(() => new Response('{}', { status }));
      try {
        await downloadAttachment({ fetchFn, id: 'a1', token: null, ifNoneMatch: null });
      } catch (thrown) {
        if (isHttpError(thrown)) return thrown.status;
        throw thrown;
      }
      return 200;
    };
    expect(await statusFor(404)).toBe(404);
    expect(await statusFor(400)).toBe(404);
    expect(await statusFor(403)).toBe(403);
    expect(await statusFor(500)).toBe(502);
  });

  it('says the service is unavailable when the API cannot be reached', async () => {
    const fetchFn = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(
      downloadAttachment({ fetchFn, id: 'a1', token: null, ifNoneMatch: null }),
    ).rejects.toMatchObject({ status: 503 });
  });
});

import { describe, expect, it } from 'vitest';
import { forwardOai } from './oai';

interface Seen {
  url: string;
  init: RequestInit;
}

const recording = (seen: Seen[], response: Response): typeof fetch =>
  (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), init: init ?? {} });
    return response;
  }) as typeof fetch;

const xml = () =>
  new Response('<OAI-PMH/>', {
    headers: {
      'content-type': 'text/xml; charset=utf-8',
      'cache-control': 'public, max-age=60',
      'last-modified': 'Fri, 02 Jan 2026 03:04:05 GMT',
      'set-cookie': 'x=1',
    },
  });

describe('forwardOai', () => {
  it('passes a GET query on as it came, repeated and unknown arguments included', async () => {
    const seen: Seen[] = [];
    const response = await forwardOai({
      fetchFn: recording(seen, xml()),
      request: new Request('https://site.test/oai?verb=ListSets&verb=Identify&colour=red'),
      clientAddress: '203.0.113.9',
    });
    expect(seen[0].url).toMatch(/\/api\/oai\?verb=ListSets&verb=Identify&colour=red$/);
    expect(seen[0].init.method).toBe('GET');
    expect(seen[0].init.headers).toEqual({ 'x-forwarded-for': '203.0.113.9' });
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'text/xml; charset=utf-8',
      'cache-control': 'public, max-age=60',
      'last-modified': 'Fri, 02 Jan 2026 03:04:05 GMT',
    });
    expect(await response.text()).toBe('<OAI-PMH/>');
  });

  it('passes a form POST on with its body and type', async () => {
    const seen: Seen[] = [];
    await forwardOai({
      fetchFn: recording(seen, xml()),
      request: new Request('https://site.test/oai', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'verb=ListRecords&metadataPrefix=oai_dc',
      }),
    });
    expect(seen[0].url).toMatch(/\/api\/oai$/);
    expect(seen[0].init).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'verb=ListRecords&metadataPrefix=oai_dc',
    });
  });
});

import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { completePracticeContent } from '@pathways/contracts/testing';
import { describe, expect, inject, it } from 'vitest';
import './setup/context';
import { apiCall, publishPractice, tokenOf } from './setup/publication';

/**
 * Caching that is correct (issue 4): the library page and its exports answer a browser's conditional
 * request with 304 while nothing changed, and a publication gives them new validators and new data.
 * The ETag differs by language and by reader, so no copy is ever another language's or person's.
 */
describe('library caching', () => {
  // Letters only, so every text search configuration reads it as one word.
  const word = `lanternfish${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
  const address = `/library?q=${word}`;
  const web = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${inject('baseUrl')}${path}`, {
      headers: { cookie: 'PARAGLIDE_LOCALE=en', ...headers },
      redirect: 'manual',
    });

  /** Publishes a practice about the word, and waits until the library lists `expected` of them. */
  async function publishAndWait(title: string, expected: number): Promise<void> {
    await publishPractice({ ...completePracticeContent, title, summary: `About ${word}.`, language: 'en' });
    // The publishing job fills the library's read model a moment after publication.
    for (let attempt = 0; attempt < 80; attempt += 1) {
      const found = await apiCall<{ total: number }>('GET', `/api/library/practices?q=${word}`, null);
      if (found.total >= expected) return;
      await sleep(250);
    }
    throw new Error(`${title} never reached the library`);
  }

  it('answers 304 while the library is unchanged, per language and reader, and not after a publication', async () => {
    await publishAndWait(`First ${word} programme`, 1);
    const first = await web(address);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers.get('last-modified')).not.toBeNull();
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.headers.get('vary')).toContain('Cookie');
    expect(await first.text()).toContain(`First ${word} programme`);

    const again = await web(address, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    // The Spanish page is another page.
    const spanish = await web(`/es${address}`, { cookie: 'PARAGLIDE_LOCALE=es' });
    expect(spanish.status).toBe(200);
    expect(spanish.headers.get('etag')).not.toBe(etag);

    // A signed-in reader's page shows their header: the visitor's copy is not theirs.
    const token = await tokenOf('editor');
    const signedIn = await web(address, {
      cookie: `PARAGLIDE_LOCALE=en; pathways_session=${token}`,
      'if-none-match': etag,
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('etag')).not.toBe(etag);

    // The export through the web answers 304 too, from the API's validators.
    const csv = await web(`/library/export.csv?q=${word}`);
    expect(csv.status).toBe(200);
    const csvTag = csv.headers.get('etag') ?? '';
    expect(csvTag).toMatch(/^"[\w-]{27}"$/);
    expect((await web(`/library/export.csv?q=${word}`, { 'if-none-match': csvTag })).status).toBe(304);

    // So does the statistics page.
    const statistics = await web('/library/statistics');
    expect(statistics.status).toBe(200);
    const statisticsTag = statistics.headers.get('etag') ?? '';
    expect(statisticsTag).toMatch(/^"[\w-]{27}"$/);
    expect((await web('/library/statistics', { 'if-none-match': statisticsTag })).status).toBe(304);

    await publishAndWait(`Second ${word} programme`, 2);
    expect((await web('/library/statistics', { 'if-none-match': statisticsTag })).status).toBe(200);
    const after = await web(address, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toContain(`Second ${word} programme`);
    const csvAfter = await web(`/library/export.csv?q=${word}`, { 'if-none-match': csvTag });
    expect(csvAfter.status).toBe(200);
    expect(await csvAfter.text()).toContain(`Second ${word} programme`);
  }, 180_000);
});

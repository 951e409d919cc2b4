import { describe, expect, it } from 'vitest';
import { type PageSources, pageValidators, readerOf } from './page-validators';

const base: PageSources = {
  upstream: '"api-tag"',
  lastModified: 'Sun, 01 Feb 2026 10:20:30 GMT',
  locale: 'en',
  reader: null,
  address: new URL('http://web.test/library?theme=care-economy'),
};

describe('pageValidators', () => {
  it('tags a page by everything it shows: data, address, language and reader', () => {
    const tagged = pageValidators(base);
    expect(tagged).toMatchObject({
      etag: expect.stringMatching(/^"[\w-]{27}"$/),
      'last-modified': 'Sun, 01 Feb 2026 10:20:30 GMT',
      'cache-control': 'private, no-cache',
      vary: 'Cookie',
    });
    expect(pageValidators({ ...base }).etag).toBe(tagged.etag);
    const signedIn = { user: { id: 'u1' }, memberships: [], rules: [], unreadNotifications: 0 };
    const others = [
      { ...base, upstream: '"api-tag-2"' },
      { ...base, address: new URL('http://web.test/library?theme=other') },
      { ...base, locale: 'es' as const },
      { ...base, reader: readerOf(signedIn) },
      // The same reader with a new notification has a new header.
      { ...base, reader: readerOf({ ...signedIn, unreadNotifications: 1 }) },
      { ...base, reader: readerOf({ ...signedIn, user: { id: 'u2' } }) },
    ].map((sources) => pageValidators(sources).etag);
    expect(new Set([tagged.etag, ...others]).size).toBe(others.length + 1);
  });

  it('leaves Last-Modified out when the API gave none', () => {
    expect(pageValidators({ ...base, lastModified: null })['last-modified']).toBeUndefined();
    expect(readerOf({ user: null, memberships: [], rules: [], unreadNotifications: null })).toBeNull();
  });
});

import type { LibraryPractice } from '@pathways/contracts';
import { describe, expect, it } from 'vitest';
import { pageValidators, versionAddress } from './library-practice';

const practice = {
  slug: 'remesas-1a2b3c4d',
  versionNumber: 2,
  updatedAt: '2026-02-01T10:20:30.456Z',
} as LibraryPractice;

describe('library practice pages', () => {
  it('takes only addresses that can name a published version', () => {
    expect(versionAddress('remesas-1a2b3c4d')).toEqual({ slug: 'remesas-1a2b3c4d' });
    expect(versionAddress('remesas-1a2b3c4d', '3')).toEqual({ slug: 'remesas-1a2b3c4d', number: 3 });
    expect(versionAddress('Remesas')).toBeNull();
    expect(versionAddress('remesas', '0')).toBeNull();
    expect(versionAddress('remesas', 'latest')).toBeNull();
  });

  it('tags a page by what it shows: the refresh, the version, the language and who reads it', () => {
    const base = pageValidators(practice, 'en', null);
    expect(base).toMatchObject({
      etag: expect.stringMatching(/^"[\w-]{27}"$/),
      'last-modified': 'Sun, 01 Feb 2026 10:20:30 GMT',
      'cache-control': 'private, no-cache',
      vary: 'Cookie',
    });
    expect(pageValidators(practice, 'en', null).etag).toBe(base.etag);
    const others = [
      pageValidators({ ...practice, updatedAt: '2026-02-01T10:20:30.457Z' }, 'en', null),
      pageValidators({ ...practice, versionNumber: 1 }, 'en', null),
      pageValidators(practice, 'es', null),
      pageValidators(practice, 'en', '3e28357a-a73a-4f51-9d53-1c2324aa941c'),
    ].map((v) => v.etag);
    expect(new Set([base.etag, ...others]).size).toBe(5);
  });
});

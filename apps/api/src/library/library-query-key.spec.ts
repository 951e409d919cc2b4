import { describe, expect, it } from 'vitest';
import { libraryQueryKey } from './library-query-key';

describe('libraryQueryKey', () => {
  it('is the same for addresses that ask the same thing', () => {
    expect(libraryQueryKey({ q: ' remesas ', theme: ['b', 'a', 'b'], page: 1, stage: [] })).toBe(
      libraryQueryKey({ page: 1, theme: ['a', 'b'], q: 'remesas', language: undefined }),
    );
  });

  it('differs with anything that changes the answer', () => {
    const base = { q: 'remesas', theme: ['a'], page: 1 };
    const keys = [
      base,
      { ...base, q: 'remesa' },
      { ...base, theme: ['a', 'c'] },
      { ...base, page: 2 },
      { ...base, stage: ['a'] },
    ].map(libraryQueryKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

import { describe, expect, it } from 'vitest';
import {
  LibraryCitationQuery,
  LibraryPracticeParams,
  LibraryPracticeVersionParams,
} from './library-practice';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('library practice addresses', () => {
  it('takes the slugs practices get and refuses anything else, naming the slug', () => {
    expect(LibraryPracticeParams.parse({ slug: 'remesas-seguras-3f2a9c1d' })).toEqual({
      slug: 'remesas-seguras-3f2a9c1d',
    });
    for (const slug of ['Remesas', 'a--b', '-a', 'a b', "a'); drop", 'é', 'a'.repeat(121), '']) {
      expect(paths(LibraryPracticeParams.safeParse({ slug })), slug).toEqual(['slug']);
    }
  });

  it('reads a version number from the path, and refuses what is not one', () => {
    expect(LibraryPracticeVersionParams.parse({ slug: 'a-1', number: '12' })).toEqual({
      slug: 'a-1',
      number: 12,
    });
    for (const number of ['0', '-1', '1.5', '1e2', '01', 'two', '', '1234567']) {
      expect(paths(LibraryPracticeVersionParams.safeParse({ slug: 'a-1', number })), number).toEqual([
        'number',
      ]);
    }
  });

  it('defaults a citation to formatted English text and names a bad format or locale', () => {
    expect(LibraryCitationQuery.parse({})).toEqual({ format: 'text', locale: 'en' });
    expect(LibraryCitationQuery.parse({ format: 'csl', locale: 'fr' })).toEqual({
      format: 'csl',
      locale: 'fr',
    });
    expect(paths(LibraryCitationQuery.safeParse({ format: 'ris', locale: 'de' }))).toEqual([
      'format',
      'locale',
    ]);
    expect(paths(LibraryCitationQuery.safeParse({ style: 'apa' }))).toEqual(['']);
  });
});

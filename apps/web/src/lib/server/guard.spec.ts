import { describe, expect, it } from 'vitest';
import { safeNext } from './guard';

describe('safeNext', () => {
  it('follows paths of this site', () => {
    expect(safeNext('/organisations/new?x=1')).toBe('/organisations/new?x=1');
  });

  it('refuses anything that could leave the site', () => {
    for (const next of [
      'https://evil.test',
      '//evil.test',
      '/\\evil.test',
      'javascript:alert(1)',
      '',
      null,
    ]) {
      expect(safeNext(next, '/home')).toBe('/home');
    }
  });
});

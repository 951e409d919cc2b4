import { describe, expect, it } from 'vitest';
import { robotsTxt } from './robots';

const rules = (text: string, field: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith(`${field}: `))
    .map((line) => line.slice(field.length + 2));

describe('robotsTxt', () => {
  const text = robotsTxt('https://site.test');

  it('opens the library in every language, and the OAI-PMH base URL', () => {
    expect(text.startsWith('User-agent: *\n')).toBe(true);
    expect(rules(text, 'Allow')).toEqual(['/library', '/es/library', '/fr/library', '/oai']);
  });

  it('closes the workspace, account, admin and API areas in every language, and search-result variants', () => {
    const disallowed = rules(text, 'Disallow');
    for (const area of [
      '/practices',
      '/reviews',
      '/account',
      '/admin',
      '/notifications',
      '/api/',
      '/login',
    ]) {
      for (const prefix of ['', '/es', '/fr']) expect(disallowed).toContain(`${prefix}${area}`);
    }
    expect(disallowed).toContain('/library?');
    expect(disallowed).toContain('/fr/library/export.');
    // The library's own pages stay open: nothing closed is a prefix of them.
    for (const open of [
      '/library',
      '/library/practices/x',
      '/library/statistics',
      '/workflows',
      '/oai',
      '/es/library/practices/x',
    ])
      expect(
        disallowed.filter((rule) => open.startsWith(rule)),
        open,
      ).toEqual([]);
  });

  it('names the sitemap and the OAI-PMH base URL', () => {
    expect(rules(text, 'Sitemap')).toEqual(['https://site.test/sitemap.xml']);
    expect(text).toContain('# OAI-PMH 2.0 base URL: https://site.test/oai\n');
  });
});

import { describe, expect, it } from 'vitest';
import { firstVisitRedirect, shouldSaveLocale } from './locale';

const visit = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Request(url, { method, headers: { 'sec-fetch-dest': 'document', ...headers } });

describe('firstVisitRedirect', () => {
  it('sends a first-time Spanish reader of an English address to the Spanish page', () => {
    const target = firstVisitRedirect(
      visit('http://site.test/organisations?page=2', { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' }),
    );
    expect(target?.href).toBe('http://site.test/es/organisations?page=2');
  });

  it('leaves English readers and explicit prefixes alone', () => {
    expect(firstVisitRedirect(visit('http://site.test/', { 'accept-language': 'en-GB,en' }))).toBeNull();
    expect(firstVisitRedirect(visit('http://site.test/fr/login', { 'accept-language': 'es' }))).toBeNull();
  });

  it('respects a language already chosen, even English', () => {
    const request = visit('http://site.test/', { 'accept-language': 'fr', cookie: 'PARAGLIDE_LOCALE=en' });
    expect(firstVisitRedirect(request)).toBeNull();
  });

  it('does not redirect machine addresses, even when a crawler asks for HTML', () => {
    for (const path of [
      '/robots.txt',
      '/sitemap.xml',
      '/sitemaps/practices-1.xml',
      '/library/feed.atom',
      '/oai',
    ]) {
      expect(
        firstVisitRedirect(visit(`http://site.test${path}`, { 'accept-language': 'es' })),
        path,
      ).toBeNull();
    }
    expect(firstVisitRedirect(visit('http://site.test/library', { 'accept-language': 'es' }))?.pathname).toBe(
      '/es/library',
    );
  });

  it('does not redirect form posts or non-page requests', () => {
    expect(
      firstVisitRedirect(visit('http://site.test/login', { 'accept-language': 'fr' }, 'POST')),
    ).toBeNull();
    const data = new Request('http://site.test/__data.json', { headers: { 'accept-language': 'fr' } });
    expect(firstVisitRedirect(data)).toBeNull();
  });
});

describe('shouldSaveLocale', () => {
  it('saves the language of a page when it differs from the saved one', () => {
    expect(shouldSaveLocale(visit('http://site.test/es'), 'es')).toBe(true);
    expect(shouldSaveLocale(visit('http://site.test/es', { cookie: 'PARAGLIDE_LOCALE=es' }), 'es')).toBe(
      false,
    );
  });
});

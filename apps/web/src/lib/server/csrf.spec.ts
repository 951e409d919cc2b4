import { describe, expect, it } from 'vitest';
import { isCrossSiteForm } from './csrf';

const post = (url: string, headers: Record<string, string>, method = 'POST') => {
  const request = new Request(url, { method, headers, body: 'a=1' });
  return isCrossSiteForm(request, new URL(url));
};
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('isCrossSiteForm', () => {
  it('refuses form posts from another origin or none, as SvelteKit would', () => {
    expect(post('https://site.test/login', { ...form, origin: 'https://evil.test' })).toBe(true);
    expect(post('https://site.test/login', form)).toBe(true);
    expect(
      post('https://site.test/es/practices/new', { 'content-type': 'multipart/form-data; boundary=x' }),
    ).toBe(true);
    expect(post('https://site.test/account', { 'content-type': 'text/plain', origin: 'null' }, 'PATCH')).toBe(
      true,
    );
  });

  it('lets same-origin forms and non-form bodies through', () => {
    expect(post('https://site.test/login', { ...form, origin: 'https://site.test' })).toBe(false);
    expect(
      post('https://site.test/login', { 'content-type': 'application/json', origin: 'https://evil.test' }),
    ).toBe(false);
    expect(isCrossSiteForm(new Request('https://site.test/login'), new URL('https://site.test/login'))).toBe(
      false,
    );
  });

  it('lets harvesters post to the OAI-PMH base URL, in any language prefix, and nowhere near it', () => {
    expect(post('https://site.test/oai', form)).toBe(false);
    expect(post('https://site.test/fr/oai', { ...form, origin: 'https://harvester.test' })).toBe(false);
    expect(post('https://site.test/oai/x', form)).toBe(true);
    expect(post('https://site.test/oaix', form)).toBe(true);
  });
});

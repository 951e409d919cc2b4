import { setTimeout as sleep } from 'node:timers/promises';
import { completePracticeContent } from '@pathways/contracts/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import './setup/context';
import { apiCall, publishPractice } from './setup/publication';
import { expectNoAxeViolations } from './setup/browser';
import { Pages, shows, visit } from './setup/pages';

/**
 * The public library's search (issue 4, first part): a visitor without an account, and without
 * JavaScript, finds a Spanish practice despite a misspelling, narrows the results with a facet, and
 * shares the address, which shows the same results. Every page passes axe.
 */

const title = 'Remesas solidarias de trabajadoras domésticas';
// A second practice from Mexico, so that an export holds more than the page shown.
const otherTitle = 'Ahorro colectivo de trabajadoras del hogar en Puebla';

describe('library search', () => {
  const pages = new Pages();
  let visitor: Page;
  let practiceId: string;
  let slug: string;

  beforeAll(async () => {
    practiceId = await publishPractice({
      ...completePracticeContent,
      title,
      summary: 'Las trabajadoras domésticas migrantes ahorran juntas y envían remesas con menos comisiones.',
      themes: ['remittances-investment'],
      countries: [
        { code: 'MX', role: 'origin' },
        { code: 'US', role: 'destination' },
      ],
      language: 'es',
    });
    await publishPractice({
      ...completePracticeContent,
      title: otherTitle,
      summary: 'Un grupo de ahorro de trabajadoras del hogar que migran de Puebla a Canadá.',
      themes: ['remittances-investment'],
      countries: [
        { code: 'MX', role: 'origin' },
        { code: 'CA', role: 'destination' },
      ],
      language: 'es',
    });
    ({ slug } = await apiCall<{ slug: string }>('GET', `/api/practices/${practiceId}`, null));
    // The publishing job fills the library's read model a moment after publication.
    for (let attempt = 0; attempt < 80; attempt += 1) {
      const found = await apiCall<{ total: number }>('GET', '/api/library/practices?country=MX', null);
      if (found.total >= 2) break;
      await sleep(250);
    }
    visitor = await pages.newPage({ javaScriptEnabled: false });
  }, 120_000);

  afterAll(async () => {
    await pages.close();
  });

  it('finds the practice despite a misspelling, and offers the right spelling', async () => {
    await visit(visitor, '/library');
    await visitor.getByLabel('Words to search for').fill('remesas solidaryas');
    await visitor.getByRole('button', { name: 'Search', exact: true }).click();
    await shows(visitor, 'Did you mean:');
    const hit = visitor.getByRole('link', { name: title });
    await hit.waitFor();
    // The matched words are marked.
    expect(await hit.locator('mark').count()).toBeGreaterThan(0);
    expect(new URL(visitor.url()).searchParams.get('q')).toBe('remesas solidaryas');
    await expectNoAxeViolations(visitor);
  });

  it('narrows the results with a facet that shows its count, in an address that can be shared', async () => {
    await visit(visitor, '/library');
    const countries = visitor.getByRole('group', { name: 'Country' });
    await countries.getByRole('checkbox', { name: /^Mexico \(2\)$/ }).check();
    await visitor.getByRole('button', { name: 'Apply filters' }).click();
    await shows(visitor, '2 published practices');
    await visitor.getByRole('link', { name: title }).waitFor();
    await visitor.getByRole('link', { name: otherTitle }).waitFor();
    await expectNoAxeViolations(visitor);
    expect(new URL(visitor.url()).searchParams.getAll('country')).toEqual(['MX']);

    const shared = await pages.newPage();
    await visit(shared, new URL(visitor.url()).pathname + new URL(visitor.url()).search);
    await shared.getByRole('link', { name: title }).click();
    await shared.waitForURL(`**/library/practices/${slug}`);
    // The practice page describes itself to search engines and link previews.
    expect(await shared.locator('meta[property="og:title"]').getAttribute('content')).toBe(title);
    const ld = JSON.parse((await shared.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(ld).toMatchObject({ '@type': 'CreativeWork', name: title, inLanguage: 'es' });
  });

  it('switches language keeping the search, and reads in Spanish', async () => {
    await visit(visitor, '/library?q=remesas&country=MX');
    await visitor.getByRole('link', { name: 'Español' }).click();
    await visitor.waitForURL('**/es/library?q=remesas&country=MX');
    await visitor.getByLabel('Palabras que buscar').waitFor();
    expect(await visitor.getByLabel('Palabras que buscar').inputValue()).toBe('remesas');
    expect(await visitor.locator('html').getAttribute('lang')).toBe('es');
    await visitor.getByRole('link', { name: title }).waitFor();
    await expectNoAxeViolations(visitor);
  });

  it('says when nothing matches, with advice', async () => {
    await visit(visitor, '/library?q=zzzqqqxxx');
    await shows(visitor, 'No published practice matches this search.');
    await visitor.getByText('check the spelling of the words;').waitFor();
  });

  it('names a malformed parameter instead of failing', async () => {
    const response = await visitor.goto('/library?sort=bogus&q=remesas');
    expect(response?.status()).toBe(200);
    await shows(visitor, /Some parts of the address were not understood and were left out \(Sort/);
    await visitor.getByRole('link', { name: title }).waitFor();
  });

  it('exports every match of a filtered search as CSV and JSON, and offers an Atom feed', async () => {
    // One practice a page, so the page shows less than the export holds.
    await visit(visitor, '/library?country=MX&sort=title&pageSize=1');
    await visitor.getByRole('link', { name: otherTitle }).waitFor();
    expect(await visitor.getByRole('link', { name: title }).count()).toBe(0);
    const csvLink = visitor.getByRole('link', { name: 'CSV', exact: true });
    const href = await csvLink.getAttribute('href');
    expect(href).toContain('country=MX');
    const csv = await visitor.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-disposition']).toContain('pathways-practices.csv');
    const rows = (await csv.text()).trim().split('\r\n');
    // The header and both practices from Mexico: every match, whatever the page shown.
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).some((row) => row.includes(title))).toBe(true);
    expect(rows.slice(1).some((row) => row.includes(otherTitle))).toBe(true);

    const json = await visitor.request.get('/library/export.json?q=remesas');
    const records = (await json.json()) as { id: string; url: string }[];
    expect(records.map((r) => r.id)).toContain(practiceId);
    // Each record links to the practice's public page.
    expect(records.find((r) => r.id === practiceId)?.url).toMatch(new RegExp(`/library/practices/${slug}$`));

    const feed = await visitor.request.get('/library/feed.atom');
    expect(feed.headers()['content-type']).toContain('application/atom+xml');
    const xml = await feed.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain(`urn:uuid:${practiceId}`);
    expect(xml).toContain(`/library/practices/${slug}"`);
  });
});

import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LibraryPractice } from '@pathways/contracts';
import { completePracticeContent } from '@pathways/contracts/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import './setup/context';
import { apiCall, publishPractice, tokenOf } from './setup/publication';
import { Pages, shows, visit } from './setup/pages';

/**
 * A practice's public page (issue 4): a visitor without JavaScript opens it from the library, reads
 * every field, the indicators as a table and a chart, downloads and reads its citation, follows the
 * permanent link of its version; a retracted practice says so; the page works in Spanish. Every page
 * passes axe.
 */

// Other specs run on the same stack: these practices stay clear of their words and countries (Mexico).
const title = 'Caravanas de información sobre la migración regular';
const retractedTitle = 'Un esquema de préstamos retirado';
const notice = 'The loan figures could not be verified by the editors.';

/** The practice as the library shows it, once the publishing job has refreshed it (or as `until` wants). */
async function libraryEntry(slug: string, until: (p: LibraryPractice) => boolean = () => true) {
  for (let attempt = 0; attempt < 80; attempt += 1) {
    try {
      const practice = await apiCall<LibraryPractice>('GET', `/api/library/practices/${slug}`, null);
      if (until(practice)) return practice;
    } catch {
      // not in the library yet
    }
    await sleep(250);
  }
  throw new Error(`${slug} did not reach the library`);
}

const slugOf = async (id: string) =>
  (await apiCall<{ slug: string }>('GET', `/api/practices/${id}`, null)).slug;

describe('library practice page', () => {
  const pages = new Pages();
  let visitor: Page;
  let slug: string;
  let retractedSlug: string;
  let organisation: string;

  beforeAll(async () => {
    const id = await publishPractice({
      ...completePracticeContent,
      title,
      summary: 'Caravanas recorren las comunidades de origen para explicar las vías regulares de migración.',
      language: 'es',
      partners: ['Red de Mujeres Migrantes', 'Consulado móvil'],
      countries: [
        { code: 'GT', role: 'origin' },
        { code: 'BZ', role: 'transit' },
        { code: 'US', role: 'destination' },
      ],
      indicators: [
        { indicator: 'Personas informadas', women: 3400, men: 900, unit: 'personas', year: 2024 },
        { indicator: 'Consultas legales', women: 210, men: 45, year: 2024 },
      ],
    });
    slug = await slugOf(id);
    organisation = (await libraryEntry(slug)).organisation.name;

    const retractedId = await publishPractice({ ...completePracticeContent, title: retractedTitle });
    retractedSlug = await slugOf(retractedId);
    await libraryEntry(retractedSlug);
    const editor = await tokenOf('editor');
    const { version } = await apiCall<{ version: number }>('GET', `/api/practices/${retractedId}`, editor);
    await apiCall('POST', `/api/practices/${retractedId}/transitions/retract`, editor, {
      version,
      comment: notice,
    });
    await libraryEntry(retractedSlug, (p) => p.retraction !== null);

    visitor = await pages.newPage({ javaScriptEnabled: false });
  }, 180_000);

  afterAll(async () => {
    await pages.close();
  });

  it('opens from the library and shows every field, the organisations, the countries and the indicators as a table and a chart', async () => {
    await visit(visitor, `/library?q=${encodeURIComponent('caravanas migración regular')}`);
    await visitor.getByRole('link', { name: title }).click();
    await visitor.waitForURL(`**/library/practices/${slug}`);
    await shows(visitor, 'About the practice');

    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    const facts = visitor.locator('dl.details').first();
    expect(await facts.textContent()).toContain(organisation);
    expect(await facts.textContent()).toContain('Spanish');
    for (const text of [
      'Caravanas recorren las comunidades',
      completePracticeContent.problem,
      completePracticeContent.outcomes,
      'Red de Mujeres Migrantes',
      'Consulado móvil',
      'Guatemala (Origin)',
      'Belize (Transit)',
      'United States (Destination)',
      'CC-BY-4.0',
    ]) {
      await visitor.getByText(text, { exact: false }).first().waitFor();
    }

    const table = visitor.getByRole('table', { name: 'Indicators' });
    const row = table.getByRole('row', { name: /Personas informadas/ });
    expect(await row.textContent()).toContain('3,400');
    expect(await row.textContent()).toContain('900');
    // The chart names itself and points at the table, its text alternative.
    const chart = visitor.getByRole('img', { name: 'Women and men, by indicator' });
    expect(await chart.locator('rect').count()).toBe(4);
    expect(await chart.getAttribute('aria-describedby')).toBe(await table.getAttribute('id'));

    // It describes itself to search engines and link previews.
    expect(await visitor.locator('meta[property="og:title"]').getAttribute('content')).toBe(title);
    const ld = JSON.parse(
      (await visitor.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    );
    expect(ld).toMatchObject({
      '@type': 'CreativeWork',
      name: title,
      inLanguage: 'es',
      version: '1',
      author: { name: organisation },
    });
  });

  it('offers the citation as formatted text, and BibTeX and CSL-JSON files', async () => {
    await visit(visitor, `/library/practices/${slug}`);
    const year = new Date().getUTCFullYear();
    const permanent = new URL(`/library/practices/${slug}/versions/1`, visitor.url()).href;
    await shows(
      visitor,
      `${organisation}. (${year}). ${title} (Version 1) [Good practice]. Pathways. ${permanent}`,
    );

    const [bib] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.getByRole('link', { name: 'Download BibTeX (.bib)' }).click(),
    ]);
    expect(bib.suggestedFilename()).toBe(`${slug}-v1.bib`);
    const bibtex = await readFile((await bib.path())!, 'utf8');
    expect(bibtex).toMatch(/^@techreport\{pathways_\w+_v1,/);
    expect(bibtex).toContain(`url = {${permanent}}`);

    const [csl] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.getByRole('link', { name: 'Download CSL-JSON (.json)' }).click(),
    ]);
    const [item] = JSON.parse(await readFile((await csl.path())!, 'utf8')) as Record<string, unknown>[];
    expect(item).toMatchObject({
      title,
      author: [{ literal: organisation }],
      issued: { 'date-parts': [[year, expect.any(Number), expect.any(Number)]] },
      URL: permanent,
    });
    // The same text is shown to copy by hand; with JavaScript, a button copies it.
    expect(await visitor.getByRole('region', { name: 'BibTeX' }).textContent()).toBe(bibtex);
    const scripted = await pages.newPage();
    await visit(scripted, `/library/practices/${slug}`);
    await shows(scripted, 'Copy BibTeX');
  });

  it('keeps the version at its permanent link, which names the practice page as canonical', async () => {
    await visit(visitor, `/library/practices/${slug}`);
    await visitor.getByRole('link', { name: new RegExp(`/library/practices/${slug}/versions/1$`) }).click();
    await visitor.waitForURL(`**/library/practices/${slug}/versions/1`);
    await shows(visitor, 'Published versions');
    const history = visitor.getByRole('table', { name: 'Published versions' });
    expect(await history.getByRole('row', { name: /Version 1/ }).textContent()).toContain(
      'First publication',
    );
    expect(await visitor.locator('link[rel="canonical"]').getAttribute('href')).toBe(
      new URL(`/library/practices/${slug}`, visitor.url()).href,
    );
    expect((await visitor.goto(`/library/practices/${slug}/versions/7`))?.status()).toBe(404);
  });

  it('shows a retracted practice with its retraction notice', async () => {
    await visit(visitor, `/library/practices/${retractedSlug}`);
    await shows(visitor, /This practice was retracted on/);
    await visitor.getByText(notice).waitFor();
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe(retractedTitle);
  });

  it('reads in Spanish under /es', async () => {
    await visit(visitor, `/es/library/practices/${slug}`);
    await shows(visitor, 'Citar esta práctica');
    expect(await visitor.locator('html').getAttribute('lang')).toBe('es');
    await visitor.getByRole('table', { name: 'Versiones publicadas' }).waitFor();
    await visitor.getByText(`(Versión 1) [Buena práctica]`, { exact: false }).waitFor();
  });

  it('answers a repeated visit with 304 while nothing changed', async () => {
    const first = await visitor.request.get(`/library/practices/${slug}`);
    const etag = first.headers()['etag'];
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers()['last-modified']).toBeTruthy();
    const again = await visitor.request.get(`/library/practices/${slug}`, {
      headers: { 'if-none-match': etag! },
    });
    expect(again.status()).toBe(304);
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { completePracticeContent } from '@pathways/contracts/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './setup/browser';
import './setup/context';
import { apiCall, publishPractice } from './setup/publication';
import { Pages, shows, visit } from './setup/pages';

/**
 * The library's statistics (issue 4): a visitor without JavaScript sees the practices counted by
 * theme and corridor, reads a chart's figures as a table, narrows them with a filter in the address,
 * sees the review figures, and reads it all in Spanish. Every page passes axe.
 */

// A corridor no other spec uses, so the figures filtered by it are this spec's alone.
const countries = [
  { code: 'BT', role: 'origin' },
  { code: 'IS', role: 'destination' },
];

describe('library statistics', () => {
  const pages = new Pages();
  let visitor: Page;

  beforeAll(async () => {
    for (const title of ['Himalayan care workers abroad', 'Savings circles for women in Reykjavik']) {
      await publishPractice({
        ...completePracticeContent,
        title,
        themes: ['care-economy'],
        countries,
        period: { start: '2023-03-01' },
      });
    }
    // The publishing job fills the library's read model a moment after publication.
    for (let attempt = 0; attempt < 80; attempt += 1) {
      const found = await apiCall<{ total: number }>('GET', '/api/library/statistics?country=BT', null);
      if (found.total === 2) break;
      await sleep(250);
    }
    visitor = await pages.newPage({ javaScriptEnabled: false });
  }, 180_000);

  afterAll(async () => {
    await pages.close();
  });

  it('is linked from the library and shows the whole library with its review figures', async () => {
    await visit(visitor, '/library');
    await visitor.getByRole('link', { name: 'Library statistics' }).first().click();
    await visitor.waitForURL('**/library/statistics');
    await shows(visitor, 'Practices by theme');
    // Each chart is an image named by its heading and described by its table.
    await visitor.getByRole('img', { name: 'Practices by theme' }).waitFor();
    await visitor.getByRole('img', { name: 'Practices by year' }).waitFor();
    const review = visitor.getByRole('region', { name: 'Review' });
    expect(Number(await review.locator('[data-figure="decisions"]').textContent())).toBeGreaterThanOrEqual(2);
    expect(await review.locator('[data-figure="median-days"]').textContent()).toMatch(/\d+(\.\d)? days/);
    expect(await review.locator('[data-figure="share-accepted"]').textContent()).toMatch(/\d+%/);
  });

  it('narrows the figures with a filter from the address, says so, and gives each chart as a table', async () => {
    await visit(visitor, '/library/statistics?country=BT');
    await shows(visitor, 'Filters applied');
    await visitor.getByRole('link', { name: 'Remove Country: Bhutan' }).waitFor();
    expect((await visitor.locator('[data-figure="total"]').textContent())?.trim()).toBe('2');

    const corridors = visitor.getByRole('region', { name: 'Most frequent corridors (origin → destination)' });
    await corridors.getByText('Show the figures as a table').click();
    const row = corridors.getByRole('row', { name: 'Bhutan → Iceland 2' });
    await row.waitFor();
    await visitor
      .getByRole('region', { name: 'Practices by theme' })
      .getByText('Show the figures as a table')
      .click();
    await visitor.getByRole('row', { name: 'The global care economy and care chains 2' }).waitFor();
    await expectNoAxeViolations(visitor);

    // The same filter leads to the practices behind the figures.
    await visitor.getByRole('link', { name: 'See these practices in the library' }).click();
    await visitor.waitForURL('**/library?country=BT');
    await shows(visitor, '2 published practices');
  });

  it('speaks Spanish', async () => {
    await visit(visitor, '/es/library/statistics?country=BT');
    await shows(visitor, 'Estadísticas de la biblioteca');
    await visitor.getByRole('img', { name: 'Prácticas por tema' }).waitFor();
    await visitor.getByRole('link', { name: 'Quitar País: Bután' }).waitFor();
    const corridors = visitor.getByRole('region', { name: 'Corredores más frecuentes (origen → destino)' });
    await corridors.getByText('Ver las cifras en una tabla').click();
    await corridors.getByRole('row', { name: 'Bután → Islandia 2' }).waitFor();
  });

  it('ships no JavaScript', async () => {
    const response = await visitor.request.get('/library/statistics');
    expect(response.status()).toBe(200);
    expect(await response.text()).not.toMatch(/modulepreload|import\(/);
  });
});

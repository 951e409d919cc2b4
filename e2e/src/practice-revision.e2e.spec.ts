import { setTimeout as sleep } from 'node:timers/promises';
import type { LibraryPractice } from '@pathways/contracts';
import { completePracticeContent } from '@pathways/contracts/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import './setup/context';
import { logIn, Pages, shows, visit } from './setup/pages';
import { apiCall, type Author, publishPracticeBy, reviewAndPublish } from './setup/publication';

/**
 * Revising a published practice (issue 4, ADR 0006): the author revises it from the workspace,
 * changes a field and submits; it goes through review and version 2 is published; the public page
 * shows version 2, its history lists both versions with what changed, and version 1 stays at its
 * permanent link. Every page passes axe.
 */

// Clear of the other specs' words and countries.
const title = 'Kiosks for returning women workers in Kathmandu';
const revisedSummary = 'Kiosks now open in seven districts, with legal aid on Saturdays.';

async function libraryEntry(slug: string, until: (p: LibraryPractice) => boolean) {
  for (let attempt = 0; attempt < 80; attempt += 1) {
    try {
      const practice = await apiCall<LibraryPractice>('GET', `/api/library/practices/${slug}`, null);
      if (until(practice)) return practice;
    } catch {
      // not in the library yet
    }
    await sleep(250);
  }
  throw new Error(`${slug} did not reach the library as expected`);
}

describe('revising a published practice', () => {
  const pages = new Pages();
  let author: Page;
  let account: Author;
  let id: string;
  let slug: string;

  beforeAll(async () => {
    const published = await publishPracticeBy({ ...completePracticeContent, title });
    id = published.id;
    account = published.author;
    slug = (await apiCall<{ slug: string }>('GET', `/api/practices/${id}`, null)).slug;
    await libraryEntry(slug, (p) => p.versionNumber === 1);
    author = await pages.newPage();
    await logIn(author, account);
  }, 180_000);
  afterAll(() => pages.close());

  it('lets the author revise the published practice, saying the library keeps version 1', async () => {
    await visit(author, `/practices/${id}`);
    await author.getByText('the library keeps showing version 1').waitFor();
    await author.getByRole('button', { name: 'Revise' }).click();
    await shows(author, 'This practice is being revised.');

    await visit(author, `/practices/${id}/edit`);
    await author.getByLabel('Summary (needed to submit)').fill(revisedSummary);
    await author.getByRole('button', { name: 'Save draft' }).first().click();
    await shows(author, 'Draft saved.');
    await visit(author, `/practices/${id}`);
    await author.getByRole('button', { name: 'Submit' }).click();
    await shows(author, 'Done: the practice is now “Submitted”.');
    // Until the revision is published, the public page is version 1.
    expect((await libraryEntry(slug, () => true)).versionNumber).toBe(1);
  });

  it('publishes version 2 after review, and keeps version 1 at its permanent link', async () => {
    await reviewAndPublish(id);
    await libraryEntry(slug, (p) => p.versionNumber === 2);

    const visitor = await pages.newPage({ javaScriptEnabled: false });
    await visit(visitor, `/library/practices/${slug}`);
    await visitor.getByText(revisedSummary).first().waitFor();
    const history = visitor.getByRole('table', { name: 'Published versions' });
    expect(await history.getByRole('row', { name: /Version 1/ }).textContent()).toContain(
      'First publication',
    );
    expect(await history.getByRole('row', { name: /Version 2/ }).textContent()).toContain('Summary');

    await visit(visitor, `/library/practices/${slug}/versions/1`);
    await visitor
      .getByText(completePracticeContent.summary as string)
      .first()
      .waitFor();
    expect(await visitor.getByText(revisedSummary).count()).toBe(0);
  });
});

import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './setup/browser';
import './setup/context';
import { demoLogin } from './setup/logins';
import { logIn, Pages, shows, visit } from './setup/pages';

/**
 * Good practices in the browser: the ministry's focal point starts a draft, saves it incomplete,
 * sees why it cannot be submitted yet, completes it and submits it; the editor finds it and starts
 * screening. Rows of the guided form are also added without JavaScript. Every page passes axe.
 */

const title = `Safe recruitment corridor ${randomBytes(3).toString('hex')}`;

const pages = new Pages();
const newPage = (options?: { javaScriptEnabled?: boolean }) => pages.newPage(options);

const logInAs = (page: Page, role: string) => logIn(page, demoLogin(role));

const saveDraft = (page: Page) => page.getByRole('button', { name: 'Save draft' }).first().click();

describe('practices: drafts, the guided form and the workflow buttons', () => {
  let author: Page;
  let practicePath: string;

  beforeAll(async () => {
    author = await newPage();
    await logInAs(author, 'ministry');
  });

  afterAll(async () => {
    await pages.close();
  });

  it('starts a draft for the ministry from "my practices"', async () => {
    await author.getByRole('link', { name: 'Practices' }).click();
    await author.waitForURL('**/practices');
    await author.getByRole('link', { name: 'New practice' }).click();
    await author.waitForURL('**/practices/new');
    await expectNoAxeViolations(author);

    // A title is needed to start; the form says so next to the field.
    await author.getByRole('button', { name: 'Create the draft' }).click();
    await shows(author, 'Give the practice a title.');

    expect(await author.getByLabel('Organisation').inputValue()).not.toBe('');
    await author.getByLabel('Title').fill(title);
    await author.getByRole('button', { name: 'Create the draft' }).click();
    await author.waitForURL(/\/practices\/[0-9a-f-]{36}\/edit$/);
    practicePath = new URL(author.url()).pathname.replace(/\/edit$/, '');
    await expectNoAxeViolations(author);
    expect(await author.getByLabel('Title (needed to submit)').inputValue()).toBe(title);
  });

  it('saves an incomplete draft, and shows why it cannot be submitted yet', async () => {
    await author.getByLabel('Summary (needed to submit)').fill('Fair recruitment for domestic workers.');
    await saveDraft(author);
    await shows(author, 'Draft saved.');

    await visit(author, practicePath);
    await author.getByText('Draft', { exact: true }).first().waitFor();
    const submit = author.getByRole('button', { name: 'Submit' });
    expect(await submit.isDisabled()).toBe(true);
    const reason = await author.getByText('Complete these fields first:').textContent();
    expect(reason).toContain('Problem addressed');
    expect(reason).toContain('Countries');
    expect(reason).toContain('Sex-disaggregated indicators');
    expect(reason).not.toContain('Summary');
    await author.getByText('Nothing has happened yet: this is still a draft.').waitFor();
  });

  it('keeps the user’s input when someone else saved the draft in the meantime', async () => {
    const other = await author.context().newPage();
    await visit(other, `${practicePath}/edit`);
    await visit(author, `${practicePath}/edit`);
    await author.getByLabel('Partners').fill('ILO');
    await saveDraft(author);
    await shows(author, 'Draft saved.');

    await other.getByLabel('Partners').fill('UN Women');
    await saveDraft(other);
    await shows(other, 'Someone changed this in the meantime.');
    expect(await other.getByLabel('Partners').inputValue()).toBe('UN Women');
    await other.close();
  });

  it('adds indicator rows and reports a wrong figure at its cell without JavaScript', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await logInAs(page, 'ministry');
    await visit(page, `${practicePath}/edit`);
    await page
      .getByLabel('Indicator, row 1', { exact: true })
      .fill('Workers placed through licensed agencies');
    await page.getByRole('button', { name: 'Add an indicator' }).click();
    await page.getByLabel('Indicator, row 2', { exact: true }).waitFor();
    await expectNoAxeViolations(page);
    // The row typed before adding is kept.
    expect(await page.getByLabel('Indicator, row 1', { exact: true }).inputValue()).toBe(
      'Workers placed through licensed agencies',
    );

    await page.getByLabel('Women, row 1', { exact: true }).fill('many');
    await saveDraft(page);
    await shows(page, 'Enter a number, such as 1250.');
    expect(await page.getByLabel('Women, row 1', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Women, row 1', { exact: true }).inputValue()).toBe('many');
    expect(await page.getByLabel('Summary (needed to submit)').inputValue()).toBe(
      'Fair recruitment for domestic workers.',
    );
  });

  it('completes the required fields and submits the practice', async () => {
    await visit(author, `${practicePath}/edit`);
    await author.getByLabel('Problem addressed (needed to submit)').fill('Fees charged to recruits.');
    await author
      .getByLabel('Description (needed to submit)')
      .fill('Licensed agencies, no fees, model contracts.');
    await author.getByRole('checkbox', { name: 'Labour and social rights of domestic workers' }).check();
    await author.getByRole('checkbox', { name: 'Pre-departure', exact: true }).check();
    await author.getByRole('checkbox', { name: 'Domestic workers', exact: true }).check();

    const first = author.getByRole('group', { name: 'Country 1' });
    await first.getByLabel('Country', { exact: true }).selectOption('PH');
    await first.getByLabel('Role').selectOption('origin');
    await author.getByRole('button', { name: 'Add a country' }).click();
    const second = author.getByRole('group', { name: 'Country 2' });
    await second.waitFor();
    // Adding a row keeps what was chosen.
    expect(await first.getByLabel('Country', { exact: true }).inputValue()).toBe('PH');
    await second.getByLabel('Country', { exact: true }).selectOption('AE');
    await second.getByLabel('Role').selectOption('destination');

    await author.getByLabel('Outcomes (needed to submit)').fill('1,200 women placed without fees.');
    await author.getByLabel('Indicator, row 1', { exact: true }).fill('Workers placed without fees');
    await author.getByLabel('Women, row 1', { exact: true }).fill('1200');
    await author.getByLabel('Men, row 1', { exact: true }).fill('300');
    await author.getByLabel('Year, row 1', { exact: true }).fill('2024');
    await author.getByLabel('Language of the text (needed to submit)').selectOption('en');
    await author.getByLabel('Licence (needed to submit)').selectOption('CC-BY-4.0');
    await saveDraft(author);
    await shows(author, 'Draft saved.');

    await visit(author, practicePath);
    const table = author.getByRole('table', { name: 'Sex-disaggregated indicators' });
    await table.getByRole('rowheader', { name: 'Workers placed without fees' }).waitFor();
    await table.getByRole('columnheader', { name: 'Women', exact: true }).waitFor();
    expect(await author.getByText('Complete these fields first:').count()).toBe(0);

    await author.getByRole('button', { name: 'Submit' }).click();
    await shows(author, 'Done: the practice is now “Submitted”.');
    await author.getByText('Submit: Draft → Submitted').waitFor();
    expect(await author.getByRole('link', { name: 'Edit the practice' }).count()).toBe(0);
  });

  it('lets the editor find the submitted practice and start screening', async () => {
    const editor = await newPage();
    await logInAs(editor, 'editor');
    await visit(editor, '/practices');
    const queue = editor.getByRole('region', { name: 'Submitted, waiting for screening' });
    await queue.getByRole('link', { name: title }).click();
    await editor.waitForURL(`**${practicePath}`);
    await expectNoAxeViolations(editor);
    await editor.getByRole('button', { name: 'Start screening' }).click();
    await shows(editor, 'Done: the practice is now “In screening”.');
    await editor.getByText('Start screening: Submitted → In screening').waitFor();
    // Peer review needs a panel first; the button says why it is not available.
    expect(await editor.getByRole('button', { name: 'Send to peer review' }).isDisabled()).toBe(true);
    await editor.getByText(/Invite at least \d+ reviewers/).waitFor();

    await visit(editor, '/practices');
    await editor.getByRole('region', { name: 'In screening' }).getByRole('link', { name: title }).waitFor();
  });

  it('lets the editor reject at screening with a rationale that joins the history', async () => {
    const editor = await newPage();
    await logInAs(editor, 'editor');
    await visit(editor, practicePath);
    await editor
      .getByLabel('Rationale for the authors (Reject at screening)')
      .fill('Outside the scope of the registry.');
    await editor.getByRole('button', { name: 'Reject at screening' }).click();
    await shows(editor, 'Done: the practice is now “Rejected”.');
    await editor.getByText('Outside the scope of the registry.').waitFor();
    await editor.getByText('There is nothing you can do on this practice right now.').waitFor();
  });
});

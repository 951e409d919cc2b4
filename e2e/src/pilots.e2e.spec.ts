import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './setup/browser';
import './setup/context';
import { demoLogin } from './setup/logins';
import { logIn, Pages, shows, visit } from './setup/pages';
import { type Author, newAuthor } from './setup/publication';

/**
 * Pilots in the browser, for the partners (issue 5's story): the ministry's focal point proposes a
 * pilot on the Philippines → Mexico corridor and invites the network and the UN entity, all without
 * JavaScript; the network's focal point accepts from its invitations (with JavaScript); the UN
 * entity declines on the pilot page, which says in words why the pilot cannot start yet; a third
 * organisation is invited and accepts, and the pilot starts. The lead keeps milestones, submits a
 * progress report, completes the pilot and turns its results into a good-practice draft, the two
 * linked both ways; the public registry, the pilot page and the organisation directory show it.
 * The network declines another invitation, and an editor closes that pilot, only with a reason.
 * Every page passes axe. (The reporting light turning yellow, with its reminder e-mails, is
 * pilot-reporting.e2e.spec.ts's story, on a pilot whose report can be dated back.)
 */

const title = `Safe corridors for domestic workers ${randomBytes(3).toString('hex')}`;
const network = 'Red de Mujeres Trabajadoras Migrantes (demo)';
const unEntity = 'UN Women Migration Programme (demo)';
const third = `Kanlungan Centre for Migrant Women ${randomBytes(3).toString('hex')}`;

const pages = new Pages();
const newPage = (options?: { javaScriptEnabled?: boolean }) => pages.newPage(options);
const logInAs = (page: Page, role: string) => logIn(page, demoLogin(role));
const press = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).first().click();

describe('pilots: propose, invite, accept, and the guard in words', () => {
  let lead: Page;
  let pilotPath: string;
  let kanlungan: Author;

  beforeAll(async () => {
    lead = await newPage({ javaScriptEnabled: false });
    await logInAs(lead, 'ministry');
    // A Filipino NGO verified for this run: the third partner.
    kanlungan = await newAuthor({ name: third, kind: 'civil_society', country: 'PH' });
  });

  afterAll(async () => {
    await pages.close();
  });

  it('proposes a pilot from "My pilots" without JavaScript, with errors at their fields', async () => {
    await lead.getByRole('link', { name: 'My pilots', exact: true }).click();
    await lead.waitForURL('**/pilots');
    await expectNoAxeViolations(lead);
    await lead.getByRole('region', { name: 'Invitations' }).getByText('No invitations').waitFor();
    await lead.getByRole('link', { name: 'Propose a pilot' }).click();
    await lead.waitForURL('**/pilots/new');
    await expectNoAxeViolations(lead);

    // The only organisation the focal point leads is chosen already; a title is needed to start.
    expect(await lead.getByLabel('Lead organisation').inputValue()).not.toBe('');
    await lead.getByLabel('Target for women, row 1', { exact: true }).fill('many');
    await press(lead, 'Save the draft');
    await shows(lead, 'Give the pilot a title.');
    await lead
      .getByRole('alert')
      .getByText('Target indicators for women and men 1: Target for women')
      .waitFor();
    expect(
      await lead.getByLabel('Target for women, row 1', { exact: true }).getAttribute('aria-invalid'),
    ).toBe('true');

    await lead.getByLabel('Title (needed to propose)').fill(title);
    await lead
      .getByLabel('Summary (needed to propose)')
      .fill('Pre-departure orientation in Manila and a helpline in Mexico City.');
    await lead.getByLabel('Objectives (needed to propose)').fill('Fewer women recruited into debt bondage.');
    await lead.getByRole('checkbox', { name: 'Labour and social rights of domestic workers' }).check();
    await lead.getByRole('checkbox', { name: 'Pre-departure', exact: true }).check();

    const first = lead.getByRole('group', { name: 'Country 1' });
    await first.getByLabel('Country', { exact: true }).selectOption('PH');
    await first.getByLabel('Role').selectOption('origin');
    await press(lead, 'Add a country');
    const second = lead.getByRole('group', { name: 'Country 2' });
    await second.waitFor();
    await expectNoAxeViolations(lead);
    // Adding a row keeps what was typed and chosen.
    expect(await first.getByLabel('Country', { exact: true }).inputValue()).toBe('PH');
    expect(await lead.getByLabel('Title (needed to propose)').inputValue()).toBe(title);
    await second.getByLabel('Country', { exact: true }).selectOption('MX');
    await second.getByLabel('Role').selectOption('destination');

    await lead.getByLabel('Planned start').fill('2027-01-01');
    await lead.getByLabel('Planned end').fill('2028-06-30');
    await lead.getByLabel('Budget range').selectOption('250k-1m');
    await lead.getByLabel('Funding sources').fill('Department of Migrant Workers\nUN Women');
    await lead
      .getByLabel('Expected results (needed to propose)')
      .fill('2,000 women oriented before departure.');
    await lead.getByLabel('Indicator, row 1', { exact: true }).fill('Workers oriented before departure');
    await lead.getByLabel('Unit, row 1', { exact: true }).fill('people');
    await lead.getByLabel('Target for women, row 1', { exact: true }).fill('2000');
    await lead.getByLabel('Target for men, row 1', { exact: true }).fill('150');
    await lead.getByLabel('Language of the text (needed to propose)').selectOption('en');
    await press(lead, 'Save the draft');

    await lead.waitForURL(/\/pilots\/[0-9a-f-]{36}$/);
    pilotPath = new URL(lead.url()).pathname;
    await expectNoAxeViolations(lead);
    await lead.getByRole('heading', { level: 1, name: title }).waitFor();
    // The corridor is drawn on the server, with its route in words.
    await lead.getByRole('img', { name: /migration corridor/ }).waitFor();
    expect(await lead.locator('figure.corridor-map svg desc').textContent()).toContain(
      'From Philippines (origin) to Mexico (destination).',
    );
    await lead.getByRole('rowheader', { name: 'Workers oriented before departure' }).waitFor();
  });

  it('edits the proposal with its version, and proposes it', async () => {
    await lead.getByRole('link', { name: 'Edit the proposal' }).click();
    await lead.waitForURL(`**${pilotPath}/edit`);
    await expectNoAxeViolations(lead);
    // A second tab saves first: this one is told, keeps its text, and saves after reloading the version.
    const other = await lead.context().newPage();
    await visit(other, `${pilotPath}/edit`);
    await other.getByLabel('Funding sources').fill('UN Women');
    await press(other, 'Save');
    await shows(other, 'Proposal saved.');
    await other.close();

    await lead.getByLabel('Funding sources').fill('Department of Migrant Workers');
    await press(lead, 'Save');
    await shows(lead, 'Someone changed this pilot in the meantime.');
    expect(await lead.getByLabel('Funding sources').inputValue()).toBe('Department of Migrant Workers');
    await press(lead, 'Reload, keeping my changes');
    await shows(lead, 'Loaded the latest version number');
    await press(lead, 'Save');
    await shows(lead, 'Proposal saved.');
    expect(await lead.getByLabel('Funding sources').inputValue()).toBe('Department of Migrant Workers');

    await visit(lead, pilotPath);
    await press(lead, 'Propose');
    await shows(lead, 'Done: the pilot is now Proposed.');
    await lead.getByText('Propose: Draft → Proposed').waitFor();
  });

  it('invites the network and the UN entity, and says why the pilot cannot start yet', async () => {
    const invite = lead.getByRole('region', { name: 'Invite a partner' });
    await invite.getByLabel('Organisation to invite').selectOption({ label: network });
    await invite.getByLabel('Role').selectOption('implementing');
    await invite.getByLabel('Message').fill('Will you run the helpline in Mexico City?');
    await press(lead, 'Send the invitation');
    await shows(lead, `${network} has been invited.`);

    await lead
      .getByRole('region', { name: 'Invite a partner' })
      .getByLabel('Organisation to invite')
      .selectOption({ label: unEntity });
    await lead.getByRole('region', { name: 'Invite a partner' }).getByLabel('Role').selectOption('technical');
    await press(lead, 'Send the invitation');
    await shows(lead, `${unEntity} has been invited.`);
    await lead.getByRole('button', { name: `Withdraw the invitation to ${unEntity}` }).waitFor();

    await press(lead, 'Start forming the partnership');
    await shows(lead, 'Done: the pilot is now Forming the partnership.');
    const start = lead.getByRole('button', { name: 'Start the pilot' });
    expect(await start.isDisabled()).toBe(true);
    await lead
      .getByText('At least 2 partner organisations besides the lead must accept; 0 have so far.')
      .waitFor();
  });

  it('lets the network’s focal point accept from its invitations', async () => {
    const partner = await newPage();
    await logInAs(partner, 'network');
    await visit(partner, '/pilots');
    const card = partner.getByRole('listitem').filter({ hasText: title });
    await card.getByText('Will you run the helpline in Mexico City?').waitFor();
    await card.getByRole('checkbox', { name: 'Mexico' }).check();
    await card.getByRole('button', { name: 'Accept' }).click();
    await shows(partner, 'Invitation accepted: your organisation is now a partner of the pilot.');
    await visit(partner, '/pilots');
    await partner
      .getByRole('region', { name: 'Pilots of your organisations' })
      .getByRole('link', { name: title })
      .waitFor();
  });

  it('lets the UN entity decline on the pilot page without JavaScript, and still says why the pilot cannot start', async () => {
    const un = await newPage({ javaScriptEnabled: false });
    await logInAs(un, 'reviewer1');
    await visit(un, pilotPath);
    await expectNoAxeViolations(un);
    await press(un, 'Decline');
    await shows(un, 'Invitation declined.');

    await visit(lead, pilotPath);
    await lead.getByRole('row', { name: unEntity }).getByText('Declined', { exact: true }).waitFor();
    expect(await lead.getByRole('button', { name: 'Start the pilot' }).isDisabled()).toBe(true);
    await lead
      .getByText('At least 2 partner organisations besides the lead must accept; 1 have so far.')
      .waitFor();
  });

  it('invites a third organisation, which accepts, and the pilot starts', async () => {
    const invite = lead.getByRole('region', { name: 'Invite a partner' });
    await invite.getByLabel('Organisation to invite').selectOption({ label: third });
    await invite.getByLabel('Role').selectOption('advisory');
    await invite.getByLabel('Message').fill('Will you advise us on the orientation in Manila?');
    await press(lead, 'Send the invitation');
    await shows(lead, `${third} has been invited.`);

    const partner = await newPage();
    await logIn(partner, kanlungan);
    await visit(partner, '/pilots');
    const card = partner
      .getByRole('region', { name: 'Invitations' })
      .getByRole('listitem')
      .filter({ hasText: title });
    await card.getByText('Will you advise us on the orientation in Manila?').waitFor();
    await card.getByRole('checkbox', { name: 'Philippines' }).check();
    await card.getByRole('button', { name: 'Accept' }).click();
    await shows(partner, 'Invitation accepted: your organisation is now a partner of the pilot.');

    await visit(lead, pilotPath);
    expect(await lead.getByText('have so far').count()).toBe(0);
    await press(lead, 'Start the pilot');
    await shows(lead, 'Done: the pilot is now Active.');
    await lead.getByText('Start the pilot: Forming the partnership → Active').waitFor();
    expect(await lead.getByRole('link', { name: 'Edit the proposal' }).count()).toBe(0);
  });

  it('keeps milestones and submits a progress report with figures for women and men, without JavaScript', async () => {
    await lead.getByRole('link', { name: 'Milestones and progress reports' }).click();
    await lead.waitForURL(`**${pilotPath}/progress`);
    await expectNoAxeViolations(lead);

    const add = lead.getByRole('group', { name: 'Add a milestone' });
    await press(lead, 'Add the milestone');
    await shows(lead, 'Give the milestone a title.');
    await add.getByLabel('Milestone').fill('Helpline opens in Mexico City');
    await add.getByLabel('Due date').fill('2027-03-01');
    await add.getByLabel('Progress (%)').fill('40');
    await press(lead, 'Add the milestone');
    await shows(lead, 'Milestone saved: Helpline opens in Mexico City.');

    const row = lead.getByRole('group', { name: 'Update “Helpline opens in Mexico City”' });
    await row.getByLabel('Status').selectOption('done');
    await row.getByLabel('Progress (%)').fill('100');
    await press(lead, 'Save “Helpline opens in Mexico City”');
    await shows(lead, 'Milestone saved: Helpline opens in Mexico City.');
    await lead.getByRole('list', { name: 'Milestones' }).getByText('Done', { exact: true }).waitFor();

    const report = lead.getByRole('group', { name: 'Draft a progress report' });
    await report.getByRole('checkbox', { name: /report for the whole pilot/ }).check();
    await report.getByLabel('Period from').fill('2027-01-01');
    await report.getByLabel('Period to').fill('2027-06-30');
    await report.getByLabel('What happened in this period').fill('Orientation started in Manila.');
    await report.getByLabel('Workers oriented before departure: Women').fill('800');
    await report.getByLabel('Workers oriented before departure: Men').fill('60');
    await press(lead, 'Save the draft report');
    await shows(lead, 'Draft report saved.');
    await press(lead, 'Submit the report');
    await shows(lead, 'Report submitted.');
    await lead.getByText('Orientation started in Manila.').waitFor();
    await lead.getByText('Reporting up to date').first().waitFor();
  });

  it('completes the pilot and turns its results into a good-practice draft, linked both ways', async () => {
    await visit(lead, pilotPath);
    await press(lead, 'Mark as completed');
    await shows(lead, 'Done: the pilot is now Completed.');
    await lead.getByText('No good practice has grown out of this pilot yet.').waitFor();
    await lead.getByText('filled in from this pilot and linked to it').waitFor();
    await press(lead, 'Turn the results into a good-practice draft');

    // The draft is the ministry's, filled in from the proposal, the partners and the last report.
    await lead.waitForURL(/\/practices\/[0-9a-f-]{36}\/edit$/);
    const practicePath = new URL(lead.url()).pathname.replace(/\/edit$/, '');
    await expectNoAxeViolations(lead);
    expect(await lead.getByLabel('Title (needed to submit)').inputValue()).toBe(title);
    expect(await lead.getByLabel('Partners').inputValue()).toContain(network);
    expect(await lead.getByLabel('Partners').inputValue()).toContain(third);
    expect(await lead.getByLabel('Partners').inputValue()).not.toContain(unEntity);
    expect(await lead.getByLabel('Indicator, row 1', { exact: true }).inputValue()).toBe(
      'Workers oriented before departure',
    );
    expect(await lead.getByLabel('Women, row 1', { exact: true }).inputValue()).toBe('800');

    await visit(lead, practicePath);
    await lead.getByRole('link', { name: `Grew out of the pilot “${title}”` }).click();
    await lead.waitForURL(`**${pilotPath}`);
    await lead.getByRole('link', { name: title, exact: true }).click();
    await lead.waitForURL(`**${practicePath}`);
    await visit(lead, pilotPath);
    // Made once: the button gives way to the link.
    expect(
      await lead.getByRole('button', { name: 'Turn the results into a good-practice draft' }).count(),
    ).toBe(0);
  });

  it('shows the completed pilot to the public without JavaScript: registry, page with map and chart, directory', async () => {
    const visitor = await newPage({ javaScriptEnabled: false });
    await visit(visitor, `/registry/pilots?q=${encodeURIComponent(title)}`);
    await shows(visitor, '1 pilot');
    await visitor.getByRole('link', { name: title }).click();
    await visitor.waitForURL('**/registry/pilots/**');
    await expectNoAxeViolations(visitor);
    await visitor.getByRole('heading', { level: 1, name: title }).waitFor();
    await visitor.getByText('Reporting was up to date when it ended').first().waitFor();
    await visitor.getByRole('img', { name: /Philippines.*Mexico/ }).waitFor();
    await visitor.getByRole('img', { name: 'Progress against targets' }).waitFor();
    const partners = visitor.getByRole('table', { name: 'Organisations taking part, with their role' });
    for (const name of [network, third]) await partners.getByText(name).first().waitFor();
    expect(await partners.getByText(unEntity).count()).toBe(0);
    // The draft practice is not public yet.
    expect(await visitor.getByRole('link', { name: title }).count()).toBe(0);

    // The directory filtered to Filipino civil society, as its form does.
    await visit(visitor, '/registry/organisations?kind=civil_society&country=PH');
    await visitor
      .getByRole('table', { name: /public pilots and published practices/ })
      .getByRole('link', { name: third })
      .click();
    await visitor.waitForURL('**/registry/organisations/**');
    await expectNoAxeViolations(visitor);
    await visitor
      .getByRole('table', { name: `Public pilots of ${third}, with its role` })
      .getByRole('link', { name: title })
      .waitFor();
  });

  it('lets a partner decline, and an editor close a pilot only with a reason, which the pilot then shows', async () => {
    // The demo pilot still forming, as its invited network finds it among its pilots.
    const partner = await newPage();
    await logInAs(partner, 'network');
    await visit(partner, '/pilots');
    const forming = await partner
      .getByRole('region', { name: 'Pilots of your organisations' })
      .getByRole('link', { name: 'Return and reintegration of care workers (demo)' })
      .getAttribute('href');
    expect(forming).toMatch(/^\/pilots\/[0-9a-f-]{36}$/);
    // The network declines its invitation to that pilot first.
    const card = partner
      .getByRole('region', { name: 'Invitations' })
      .getByRole('listitem')
      .filter({ hasText: 'Return and reintegration of care workers (demo)' });
    await card.getByRole('button', { name: 'Decline' }).click();
    await shows(partner, 'Invitation declined.');

    const editor = await newPage({ javaScriptEnabled: false });
    await logInAs(editor, 'editor');
    await visit(editor, forming ?? '');
    await press(editor, 'Close the pilot');
    await shows(editor, 'Give the reason for closing the pilot.');
    await editor.getByLabel('Reason for closing the pilot').fill('The partners ended the project early.');
    await press(editor, 'Close the pilot');
    await shows(editor, 'Done: the pilot is now Closed.');
    await editor.getByText('Closed by the editors: The partners ended the project early.').waitFor();
    await editor.getByRole('row', { name: network }).getByText('Declined', { exact: true }).waitFor();
  });
});

import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations } from './setup/browser';
import './setup/context';
import { demoLogin } from './setup/logins';
import { logIn, Pages, shows, visit } from './setup/pages';
import { corridorPilot, demoNetwork as network } from './setup/pilot-journey';
import { apiCall, tokenOf } from './setup/publication';

/**
 * An active pilot's progress page, as its lead and a partner use it without JavaScript (issue 5):
 * the ministry leads a pilot with the network and the UN entity (set up through the API with the
 * demo users' own sessions, as pilot-reporting.e2e.spec.ts does) and starts it on its page. The lead
 * removes a milestone in two presses, and is told when it changed meanwhile; the network's focal
 * point drafts its own part, leaves, comes back to edit it, meets a save from a second tab (409)
 * without losing its input, sees the second tab submit it, keeps what it typed as a new draft, and
 * discards that one after confirming; the lead then sees the network's part while compiling the
 * report of the whole pilot. Every page passes axe.
 */

const suffix = randomBytes(3).toString('hex');
const title = `Safe recruitment desks ${suffix}`;
const indicator = 'Women and men advised before signing a contract';
const kept = `Recruitment desk opens in Manila ${suffix}`;
const dropped = `Desk staff trained ${suffix}`;
const vanishing = `Leaflets printed ${suffix}`;
/** What the network's part finally says, as it is submitted. */
const mine = `Desks in Mexico City and Tijuana advised women ${suffix}.`;

/** The network's report, as its card heading and the lead's links name it: "<network>: <period>". */
const networkPart = new RegExp(`^${network.replace(/[()]/g, '\\$&')}:`);

const press = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).first().click();

/** DELETE through the API (apiCall reads a JSON answer, and a 204 has none). */
async function apiDelete(path: string, token: string): Promise<void> {
  const response = await fetch(`${inject('apiUrl')}${path}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '198.51.100.77' },
  });
  expect(response.status).toBe(204);
}

describe('pilot progress: milestones removed with confirmation, a partner’s own draft edited, submitted, kept and discarded', () => {
  const pages = new Pages();
  let ministry = '';
  let lead: Page;
  let partner: Page;
  let pilotId = '';
  const progressPath = () => `/pilots/${pilotId}/progress`;
  /** The network's draft in its edit form (`?report=`), as the partner opened it. */
  let editLink = new URL('http://unset');

  beforeAll(async () => {
    ministry = await tokenOf('ministry');
    ({ id: pilotId } = await corridorPilot(
      {
        title,
        summary: 'Advice desks for women before they sign a recruitment contract.',
        objectives: 'Fewer women recruited on unfair terms.',
        expectedResults: '1,500 women advised before signing.',
        indicator: { name: indicator, women: 1500, men: 100 },
        message: 'Will you run the desks with us?',
      },
      { partners: true },
    ));

    lead = await pages.newPage({ javaScriptEnabled: false });
    await logIn(lead, demoLogin('ministry'));
    partner = await pages.newPage({ javaScriptEnabled: false });
    await logIn(partner, demoLogin('network'));
  }, 60_000);

  afterAll(async () => {
    await pages.close();
  });

  it('starts the pilot, shows the empty states, and removes a milestone only once confirmed, without JavaScript', async () => {
    await visit(lead, `/pilots/${pilotId}`);
    await press(lead, 'Start the pilot');
    await shows(lead, 'Done: the pilot is now Active.');
    await lead.getByRole('link', { name: 'Milestones and progress reports' }).click();
    await lead.waitForURL(`**${progressPath()}`);
    await shows(lead, 'No milestones yet.');
    await lead.getByText('No progress report has been submitted yet.').waitFor();
    await lead.getByText('You have no draft reports.').waitFor();

    for (const [name, dueDate] of [
      [kept, '2027-02-01'],
      [dropped, '2027-03-01'],
      [vanishing, '2027-04-01'],
    ])
      await apiCall('POST', `/api/pilots/${pilotId}/milestones`, ministry, { title: name, dueDate });
    await visit(lead, progressPath());
    const listed = lead.getByRole('list', { name: 'Milestones' });
    await listed.getByText(dropped).waitFor();

    // The first press only asks; keeping the milestone leaves it be.
    await press(lead, `Remove “${dropped}”`);
    await shows(lead, `Remove the milestone “${dropped}”?`);
    expect(lead.url()).toContain('remove=');
    await lead.getByRole('link', { name: 'Keep the milestone' }).click();
    await lead.waitForURL(`**${progressPath()}`);
    expect(await lead.getByText(`Remove the milestone “${dropped}”?`).count()).toBe(0);
    await listed.getByText(dropped).waitFor();

    // The second press removes it.
    await press(lead, `Remove “${dropped}”`);
    await lead.getByRole('group', { name: `Remove the milestone “${dropped}”?` }).waitFor();
    await press(lead, `Yes, remove “${dropped}”`);
    await shows(lead, `Milestone removed: ${dropped}.`);
    expect(await listed.getByText(dropped).count()).toBe(0);
    await listed.getByText(kept).waitFor();

    // Changed meanwhile by someone else: not removed; the page says so and shows it as it is now.
    const vanishingNow = async () => {
      const { items } = await apiCall<{ items: { id: string; title: string; version: number }[] }>(
        'GET',
        `/api/pilots/${pilotId}/milestones`,
        ministry,
      );
      const found = items.find((m) => m.title === vanishing);
      if (!found) throw new Error(`no milestone ${vanishing}`);
      return found;
    };
    await press(lead, `Remove “${vanishing}”`);
    await shows(lead, `Remove the milestone “${vanishing}”?`);
    const seen = await vanishingNow();
    await apiCall('PATCH', `/api/pilots/${pilotId}/milestones/${seen.id}`, ministry, {
      progress: 60,
      version: seen.version,
    });
    await press(lead, `Yes, remove “${vanishing}”`);
    await shows(lead, `“${vanishing}” was changed by someone else since you asked to remove it.`);
    await listed.getByText(vanishing).waitFor();
    expect(await lead.locator(`#milestone-${seen.id}-progress`).inputValue()).toBe('60');

    // Removed meanwhile by someone else: the confirmation says so rather than failing.
    await press(lead, `Remove “${vanishing}”`);
    await shows(lead, `Remove the milestone “${vanishing}”?`);
    const gone = await vanishingNow();
    await apiDelete(`/api/pilots/${pilotId}/milestones/${gone.id}?version=${gone.version}`, ministry);
    await press(lead, `Yes, remove “${vanishing}”`);
    await shows(lead, 'This milestone is no longer there: someone may have removed it already.');
    await lead.getByRole('alert').getByRole('link', { name: 'Reload the page' }).waitFor();
  });

  it('lets the network draft its own part, come back to edit it, and keep its input through a 409', async () => {
    await visit(partner, `/pilots/${pilotId}`);
    await partner.getByRole('link', { name: 'Milestones and progress reports' }).click();
    await partner.waitForURL(`**${progressPath()}`);
    await expectNoAxeViolations(partner);
    // A partner reports on its own part: no milestone forms, no report of the whole pilot.
    expect(await partner.getByRole('button', { name: `Remove “${kept}”` }).count()).toBe(0);
    await partner.getByText('You have no draft reports.').waitFor();
    const draft = partner.getByRole('group', { name: 'Draft a progress report' });
    expect(await draft.getByRole('checkbox', { name: /report for the whole pilot/ }).count()).toBe(0);
    expect(await draft.getByLabel('Reporting for').locator('option:checked').textContent()).toBe(network);

    await draft.getByLabel('Period from').fill('2027-01-01');
    await draft.getByLabel('Period to').fill('2027-06-30');
    await draft
      .getByLabel('What happened in this period')
      .fill(`Desk in Mexico City advised women ${suffix}.`);
    await draft.getByLabel(`${indicator}: Women`).fill('120');
    await draft.getByLabel(`${indicator}: Men`).fill('8');
    // An indicator the pilot does not target is refused by the API (400), next to its row.
    await draft
      .locator('input[name="indicators.0.indicator"]')
      .evaluate((input: { value: string }) => (input.value = 'Happiness'));
    await press(partner, 'Save the draft report');
    await shows(partner, "This is not one of the pilot's target indicators.");
    const women = draft.getByLabel(`${indicator}: Women`);
    expect(await women.getAttribute('aria-invalid')).toBe('true');
    expect(await women.inputValue()).toBe('120');
    expect(await draft.getByLabel('What happened in this period').inputValue()).toBe(
      `Desk in Mexico City advised women ${suffix}.`,
    );
    await press(partner, 'Save the draft report');
    await shows(partner, 'Draft report saved.');
    const drafts = partner.getByRole('list', { name: 'Your draft reports' });
    await drafts.getByText(networkPart).waitFor();

    // Leaves, comes back, and opens the draft in the same form, filled in.
    await visit(partner, `/pilots/${pilotId}`);
    await partner.getByRole('link', { name: 'Milestones and progress reports' }).click();
    await partner.waitForURL(`**${progressPath()}`);
    await partner.getByRole('link', { name: /^Edit the draft for / }).click();
    await partner.waitForURL(/\?report=/);
    editLink = new URL(partner.url());
    await expectNoAxeViolations(partner);
    const edit = partner.getByRole('group', { name: /^Edit the draft report for / });
    await edit.getByText(`Reporting for: ${network} · Its own part of the pilot`).waitFor();
    expect(await edit.getByLabel('Period from').inputValue()).toBe('2027-01-01');
    expect(await edit.getByLabel('What happened in this period').inputValue()).toBe(
      `Desk in Mexico City advised women ${suffix}.`,
    );
    expect(await edit.getByLabel(`${indicator}: Women`).inputValue()).toBe('120');
    expect(await edit.getByLabel(`${indicator}: Men`).inputValue()).toBe('8');
    expect(await edit.getByRole('checkbox').count()).toBe(0);

    // A second tab saves the same draft first.
    const other = await partner.context().newPage();
    await other.goto(partner.url());
    const otherEdit = other.getByRole('group', { name: /^Edit the draft report for / });
    await otherEdit.getByLabel('What happened in this period').fill('Changed in the other tab.');
    await press(other, 'Save the draft report');
    await other.getByText('Draft report saved.').waitFor();
    await other.close();

    await edit.getByLabel('What happened in this period').fill(mine);
    await edit.getByLabel(`${indicator}: Women`).fill('130');
    await edit.getByLabel('Period to').fill('2026-12-31');
    await press(partner, 'Save the draft report');
    await shows(partner, 'The period must end after it starts.');
    expect(await edit.getByLabel('Period to').getAttribute('aria-invalid')).toBe('true');
    await edit.getByLabel('Period to').fill('2027-06-30');
    await press(partner, 'Save the draft report');
    await shows(partner, 'Someone changed this report in the meantime.');
    expect(await edit.getByLabel('What happened in this period').inputValue()).toBe(mine);
    expect(await edit.getByLabel(`${indicator}: Women`).inputValue()).toBe('130');
    await press(partner, 'Reload, keeping my changes');
    await shows(partner, 'Loaded the latest version number');
    expect(await edit.getByLabel('What happened in this period').inputValue()).toBe(mine);
    await press(partner, 'Save the draft report');
    await shows(partner, 'Draft report saved.');
    expect(await edit.getByLabel('What happened in this period').inputValue()).toBe(mine);
  });

  it('keeps what the network typed when a second tab submitted the draft, as a new draft it then discards after confirming', async () => {
    const edit = partner.getByRole('group', { name: /^Edit the draft report for / });
    const drafts = partner.getByRole('list', { name: 'Your draft reports' });
    // A second tab submits it, with what its form shows, while this one goes on typing.
    const filing = await partner.context().newPage();
    await filing.goto(editLink.pathname + editLink.search);
    await press(filing, 'Submit the report');
    await filing.getByText('Report submitted.').waitFor();
    await filing.close();

    const later = `A mobile desk followed in Tijuana ${suffix}.`;
    await edit.getByLabel('What happened in this period').fill(later);
    await edit.getByLabel(`${indicator}: Men`).fill('9');
    await press(partner, 'Save the draft report');
    await shows(partner, /^This draft was submitted in the meantime/);
    // Nothing typed is lost: it waits in the new-draft form, of the same organisation, to be kept.
    const keep = partner.getByRole('group', { name: 'Draft a progress report' });
    await keep
      .getByRole('alert')
      .getByText(/save it as a new draft to keep it/)
      .waitFor();
    expect(await keep.getByLabel('What happened in this period').inputValue()).toBe(later);
    expect(await keep.getByLabel(`${indicator}: Women`).inputValue()).toBe('130');
    expect(await keep.getByLabel(`${indicator}: Men`).inputValue()).toBe('9');
    expect(await keep.getByLabel('Period from').inputValue()).toBe('2027-01-01');
    expect(await keep.getByLabel('Reporting for').locator('option:checked').textContent()).toBe(network);
    expect(await partner.getByText('This draft report is no longer there to edit').count()).toBe(0);
    await press(partner, 'Save as a new draft');
    await shows(partner, 'Draft report saved.');
    await drafts.getByText(networkPart).waitFor();
    await partner.getByRole('link', { name: /^Edit the draft for / }).click();
    await partner.waitForURL(/\?report=/);
    expect(await edit.getByLabel('What happened in this period').inputValue()).toBe(later);
    expect(await edit.getByLabel(`${indicator}: Men`).inputValue()).toBe('9');

    // Discarding it asks first; keeping it leaves it be.
    const discard = partner.getByRole('button', { name: /^Discard the draft for / });
    await discard.click();
    const confirm = partner.getByRole('group', { name: /^Discard the draft for .*\?$/ });
    await confirm.waitFor();
    await expectNoAxeViolations(partner);
    expect(partner.url()).toContain('discard=');
    await confirm.getByRole('link', { name: 'Keep the draft' }).click();
    await partner.waitForURL(`**${progressPath()}`);
    expect(await confirm.count()).toBe(0);
    await drafts.getByText(networkPart).waitFor();
    await discard.click();
    await confirm.getByRole('button', { name: /^Yes, discard the draft for / }).click();
    await shows(partner, /^Draft discarded: /);
    await partner.getByText('You have no draft reports.').waitFor();

    const card = partner.getByRole('listitem').filter({ hasText: mine });
    await card.getByRole('heading', { name: networkPart }).waitFor();
    await card.getByText(`${indicator}: 130 women, 8 men`).waitFor();
    expect(await partner.getByText(later).count()).toBe(0);

    // Its edit link now answers that the draft is no longer there to edit.
    await visit(partner, editLink.pathname + editLink.search);
    await shows(partner, 'This draft report is no longer there to edit: it may have been submitted already.');
  });

  it('shows the lead the network’s part while it compiles the report of the whole pilot', async () => {
    await visit(lead, progressPath());
    const card = lead.getByRole('listitem').filter({ hasText: 'Desks in Mexico City and Tijuana' });
    await card.getByRole('heading', { name: networkPart }).waitFor();
    await card.getByText(`${indicator}: 130 women, 8 men`).waitFor();

    const report = lead.getByRole('group', { name: 'Draft a progress report' });
    await report.getByText("The partners' submitted parts, to compile from:").waitFor();
    await report.getByRole('link', { name: networkPart }).waitFor();
    await report.getByRole('checkbox', { name: /report for the whole pilot/ }).check();
    await report.getByLabel('Period from').fill('2027-01-01');
    await report.getByLabel('Period to').fill('2027-06-30');
    await report.getByLabel('What happened in this period').fill(`Both desks open ${suffix}.`);
    await report.getByLabel(`${indicator}: Women`).fill('130');
    await report.getByLabel(`${indicator}: Men`).fill('8');
    await press(lead, 'Save the draft report');
    await shows(lead, 'Draft report saved.');
    await press(lead, 'Submit the report');
    await shows(lead, 'Report submitted.');
    await lead.getByRole('heading', { name: /^Report of the whole pilot:/ }).waitFor();
    await lead.getByText('Reporting up to date').first().waitFor();
  });
});

import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './setup/browser';
import './setup/context';
import { demoLogin } from './setup/logins';
import { logIn, Pages, shows, visit } from './setup/pages';
import { corridorPilot } from './setup/pilot-journey';
import { newAuthor } from './setup/publication';

/**
 * The lead finds the partners to invite by searching (issue 5): the picker lists at most 100
 * organisations, so past that the lead narrows it by name, kind and country. The ministry leads a
 * proposed pilot on the Philippines → Mexico corridor (set up through the API); three organisations
 * sharing a random prefix are verified for this run. Without JavaScript the ministry's focal point
 * searches by the prefix and sees only those, filters by a corridor country, invites one and
 * finds the search kept with the invited one gone, keeps the search on a failed invitation too,
 * and sees the empty state for a search that matches nothing. Every page passes axe.
 */

const prefix = `Invite search ${randomBytes(3).toString('hex')}`;
const manila = `${prefix} Manila domestic workers union`;
const mexico = `${prefix} Mexico City shelter`;
const kathmandu = `${prefix} Kathmandu returnee network`;

const press = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).first().click();

/** The organisations the picker offers, without its "Choose…" option. */
async function choices(invite: Locator): Promise<string[]> {
  const labels = await invite.getByLabel('Organisation to invite').locator('option').allTextContents();
  return labels.slice(1).map((label) => label.trim());
}

describe('pilot invite search: find, filter, invite the next match, without JavaScript', () => {
  const pages = new Pages();
  let lead: Page;
  let pilotPath = '';
  const invite = () => lead.getByRole('region', { name: 'Invite a partner' });

  beforeAll(async () => {
    const pilot = await corridorPilot(
      {
        title: `Partners on the corridor ${prefix}`,
        summary: 'Pre-departure orientation in Manila and a shelter in Mexico City.',
        objectives: 'Fewer women recruited into debt bondage.',
        expectedResults: '2,000 women oriented before departure.',
        indicator: { name: 'Women oriented', women: 2000, men: 150 },
        message: 'Will you join us on this corridor?',
      },
      { partners: false },
    );
    pilotPath = `/pilots/${pilot.id}`;
    for (const organisation of [
      { name: manila, kind: 'trade_union', country: 'PH' },
      { name: mexico, kind: 'civil_society', country: 'MX' },
      { name: kathmandu, kind: 'migrant_workers_association', country: 'NP' },
    ])
      await newAuthor(organisation);

    lead = await pages.newPage({ javaScriptEnabled: false });
    await logIn(lead, demoLogin('ministry'));
  }, 60_000);

  afterAll(async () => {
    await pages.close();
  });

  it('finds the organisations by part of their name, and filters them by a corridor country first', async () => {
    await visit(lead, pilotPath);
    await invite().getByLabel('Find an organisation').fill(prefix.toUpperCase());
    await press(lead, 'Find');
    await shows(lead, '3 organisations you may invite match.');
    expect(new URL(lead.url()).searchParams.get('find')).toBe(prefix.toUpperCase());
    expect(await choices(invite())).toEqual([kathmandu, manila, mexico]);

    // The corridor's countries come first among the countries to filter by.
    const country = invite().getByLabel('Based in');
    expect(await country.locator('optgroup').first().getAttribute('label')).toBe('Countries of this pilot');
    expect(await country.locator('optgroup').first().locator('option').allTextContents()).toEqual([
      'Mexico',
      'Philippines',
    ]);
    await country.selectOption({ label: 'Mexico' });
    await press(lead, 'Find');
    await shows(lead, '1 organisation you may invite matches.');
    expect(await choices(invite())).toEqual([mexico]);
    expect(await invite().getByLabel('Find an organisation').inputValue()).toBe(prefix.toUpperCase());
    expect(await invite().getByLabel('Based in').inputValue()).toBe('MX');
  });

  it('keeps the search after an invitation and after a failed one, without the invited organisation', async () => {
    await visit(lead, `${pilotPath}?find=${encodeURIComponent(prefix)}`);
    await invite().getByLabel('Organisation to invite').selectOption({ label: manila });
    await press(lead, 'Send the invitation');
    await lead.getByText("Choose the partner's role.").first().waitFor();
    await expectNoAxeViolations(lead);
    expect(await invite().getByLabel('Role').getAttribute('aria-invalid')).toBe('true');
    expect(await invite().getByLabel('Organisation to invite').inputValue()).not.toBe('');
    expect(await invite().getByLabel('Find an organisation').inputValue()).toBe(prefix);
    expect(await choices(invite())).toEqual([kathmandu, manila, mexico]);

    await invite().getByLabel('Role').selectOption('implementing');
    await invite().getByLabel('Message').fill('Will you run the orientation in Manila?');
    await press(lead, 'Send the invitation');
    await shows(lead, `${manila} has been invited.`);
    expect(await invite().getByLabel('Find an organisation').inputValue()).toBe(prefix);
    await invite().getByText('2 organisations you may invite match.').waitFor();
    expect(await choices(invite())).toEqual([kathmandu, mexico]);
    await lead.getByRole('button', { name: `Withdraw the invitation to ${manila}` }).waitFor();

    // The invited one is no longer among the matches, even when it is the only one the filter finds.
    await invite().getByLabel('Based in').selectOption({ label: 'Philippines' });
    await press(lead, 'Find');
    await shows(lead, `No verified organisation you may invite matches “${prefix}”.`);
    expect(await invite().getByLabel('Organisation to invite').count()).toBe(0);
  });

  it('says so when nothing matches, and shows every organisation again on request', async () => {
    const nonsense = `zz${randomBytes(4).toString('hex')}qq`;
    await visit(lead, pilotPath);
    await invite().getByLabel('Find an organisation').fill(nonsense);
    await press(lead, 'Find');
    await shows(lead, `No verified organisation you may invite matches “${nonsense}”.`);
    expect(await invite().getByRole('button', { name: 'Send the invitation' }).count()).toBe(0);

    await invite().getByRole('link', { name: 'Show every organisation' }).click();
    await lead.waitForURL((url) => url.pathname === pilotPath && !url.search);
    await expectNoAxeViolations(lead);
    expect(await choices(invite())).toEqual(expect.arrayContaining([kathmandu, mexico]));
    expect(await choices(invite())).not.toContain(manila);
  });
});

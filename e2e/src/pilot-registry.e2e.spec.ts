import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { completePracticeContent } from '@pathways/contracts/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import './setup/context';
import { expectNoAxeViolations } from './setup/browser';
import { Pages, shows, visit } from './setup/pages';
import { seedOrganisation, seedPilot, withDatabase } from './setup/pilot-seed';
import { apiCall, newAuthor, publishPracticeBy } from './setup/publication';

/**
 * The public pilot registry (issue 5): a visitor without an account, and without JavaScript, narrows
 * the registry with a filter, reads a pilot's page (accepted partners only, milestones, the latest
 * submitted report against the targets, the practice that grew out of it), and finds its partners in
 * the organisation directory. Every page passes axe. The pilots are seeded in the database, as the
 * authenticated pilot workflow would leave them.
 */

const suffix = randomBytes(3).toString('hex');
const greenTitle = `Safe corridor Manila to Mexico City ${suffix}`;
const yellowTitle = `Remittances for Nepali women in Qatar ${suffix}`;
const formingTitle = `Forming pilot ${suffix}`;
const ngoName = `Casa de la Mujer Migrante ${suffix}`;
const unName = `UN Women regional office ${suffix}`;
const practiceTitle = `Fee-free recruitment, proven by a pilot ${suffix}`;

describe('pilot registry', () => {
  const pages = new Pages();
  let visitor: Page;
  const slugs = {
    green: `safe-corridor-${suffix}`,
    yellow: `remittances-${suffix}`,
    forming: `forming-${suffix}`,
  };
  let ngoId = '';

  beforeAll(async () => {
    // The lead is a verified organisation with an account, so it can publish the pilot's practice.
    const lead = await newAuthor();
    const { id: practiceId } = await publishPracticeBy(
      { ...completePracticeContent, title: practiceTitle },
      lead,
    );
    // One policy day lasts `daySeconds`, so a month of the reporting light lasts about 30 of them.
    const month = (365.25 / 12) * inject('daySeconds') * 1000;
    const ago = (months: number) => new Date(Date.now() - months * month);
    const leadName = await withDatabase(async (db) => {
      const ngo = await seedOrganisation(db, { name: ngoName, kind: 'civil_society', country: 'MX' });
      const un = await seedOrganisation(db, { name: unName, kind: 'un_entity', country: null });
      ngoId = ngo;
      const base = {
        summary: 'Ethical recruitment without fees for women domestic workers.',
        objectives: 'No worker pays a recruitment fee.',
        themes: ['domestic-workers-rights'],
        stages: ['pre-departure'],
        countries: [
          { code: 'PH', role: 'origin' },
          { code: 'MX', role: 'destination' },
        ],
        period: { start: '2026-01-01', end: '2027-12-31' },
        expectedResults: 'Fewer debts at arrival.',
        indicators: [{ indicator: 'Women placed without fees', unit: 'people', women: 500, men: 50 }],
        frameworks: [],
        language: 'en',
      };
      await seedPilot(db, {
        slug: slugs.green,
        leadId: lead.organisationId,
        status: 'active',
        activatedAt: ago(3),
        content: { ...base, title: greenTitle },
        partners: [
          { organisationId: ngo, role: 'implementing', status: 'accepted' },
          { organisationId: un, role: 'technical', status: 'declined' },
        ],
        milestones: [
          { title: 'Recruiters certified', dueDate: '2026-03-31', status: 'done', progress: 100 },
          { title: 'First cohort placed', dueDate: '2026-09-30', status: 'in_progress', progress: 45 },
        ],
        reports: [
          {
            organisationId: lead.organisationId,
            compiled: true,
            submittedAt: ago(1),
            narrative: 'The first semester went to plan.',
            indicators: [{ indicator: 'Women placed without fees', women: 137, men: 9 }],
          },
          // A draft the public never sees.
          {
            organisationId: lead.organisationId,
            compiled: true,
            submittedAt: null,
            narrative: 'Unsubmitted draft narrative.',
            indicators: [{ indicator: 'Women placed without fees', women: 4242, men: 0 }],
          },
        ],
      });
      await seedPilot(db, {
        slug: slugs.yellow,
        leadId: lead.organisationId,
        status: 'active',
        // Past the yellow threshold (12 months), before the red one (24), with no report.
        activatedAt: ago(15),
        content: {
          ...base,
          title: yellowTitle,
          themes: ['remittances-investment'],
          countries: [
            { code: 'NP', role: 'origin' },
            { code: 'QA', role: 'destination' },
          ],
        },
        partners: [{ organisationId: un, role: 'technical', status: 'accepted' }],
      });
      await seedPilot(db, {
        slug: slugs.forming,
        leadId: lead.organisationId,
        status: 'forming',
        activatedAt: null,
        content: { ...base, title: formingTitle },
        partners: [{ organisationId: ngo, role: 'funding', status: 'accepted' }],
      });
      // The practice grew out of the green pilot.
      await db.query(`update practice set pilot_id = (select id from pilot where slug = $1) where id = $2`, [
        slugs.green,
        practiceId,
      ]);
      const { rows } = await db.query<{ name: string }>('select name from organisation where id = $1', [
        lead.organisationId,
      ]);
      return rows[0]!.name;
    });
    expect(leadName).toBeTruthy();
    // The publishing job fills the library's read model a moment after publication.
    for (let attempt = 0; attempt < 80; attempt += 1) {
      const pilot = await apiCall<{ practices: unknown[] }>(
        'GET',
        `/api/registry/pilots/${slugs.green}`,
        null,
      );
      if (pilot.practices.length) break;
      await sleep(250);
    }
    visitor = await pages.newPage({ javaScriptEnabled: false });
  }, 180_000);

  afterAll(async () => {
    await pages.close();
  });

  it('lists public pilots and narrows them with a filter, without JavaScript', async () => {
    await visit(visitor, `/registry/pilots?q=${suffix}`);
    await visitor.getByRole('link', { name: greenTitle }).waitFor();
    await visitor.getByRole('link', { name: yellowTitle }).waitFor();
    expect(await visitor.getByText(formingTitle).count()).toBe(0);
    await shows(visitor, '2 pilots');

    await visitor.getByLabel('Reporting', { exact: true }).selectOption({ label: 'Report overdue' });
    await visitor.getByRole('button', { name: 'Apply filters' }).click();
    await shows(visitor, '1 pilot');
    await visitor.getByRole('link', { name: yellowTitle }).waitFor();
    expect(await visitor.getByRole('link', { name: greenTitle }).count()).toBe(0);
    const address = new URL(visitor.url());
    expect(address.searchParams.get('reportingStatus')).toBe('yellow');
    expect(address.searchParams.get('q')).toBe(suffix);
    await expectNoAxeViolations(visitor);
  });

  it('shows a pilot page with accepted partners, milestones, progress against targets and its practice', async () => {
    await visit(visitor, `/registry/pilots?q=${suffix}&theme=domestic-workers-rights`);
    await visitor.getByRole('link', { name: greenTitle }).click();
    await visitor.waitForURL(`**/registry/pilots/${slugs.green}`);
    await visitor.getByRole('heading', { level: 1, name: greenTitle }).waitFor();
    await shows(visitor, 'Reporting up to date');
    const partners = visitor.getByRole('table', { name: 'Organisations taking part, with their role' });
    await partners.getByRole('link', { name: ngoName }).waitFor();
    expect(await partners.getByText('Implementing partner').count()).toBe(1);
    expect(await visitor.getByText(unName).count()).toBe(0);
    const milestones = visitor.getByRole('list', { name: 'Milestones' });
    await milestones.getByText('First cohort placed').waitFor();
    await milestones.getByText('45%').waitFor();
    const progress = visitor.getByRole('table', { name: /reported values and targets/ });
    const row = progress.getByRole('row', { name: /Women placed without fees/ });
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('137');
    expect(await visitor.getByText('4,242').count()).toBe(0);
    expect(await visitor.getByText('Unsubmitted draft narrative.').count()).toBe(0);
    const corridor = visitor.getByRole('table', { name: 'Countries of the corridor by their role' });
    await corridor.getByText('Philippines').waitFor();
    await corridor.getByText('Mexico').waitFor();
    // The map says the route in words and draws one arc for it.
    const map = visitor.getByRole('img', { name: /Philippines.*Mexico/ });
    await map.waitFor();
    expect(await map.locator('path.arc').count()).toBe(1);
    await visitor.getByRole('link', { name: practiceTitle }).waitFor();
    await expectNoAxeViolations(visitor);

    const forming = await visitor.goto(`/registry/pilots/${slugs.forming}`);
    expect(forming?.status()).toBe(404);
  });

  it("lists a pilot's partners in the organisation directory, with their pilots and counts", async () => {
    await visit(visitor, '/registry/organisations');
    await visitor.getByLabel('Country').selectOption({ label: 'Mexico' });
    await visitor.getByRole('button', { name: 'Apply filters' }).click();
    await visitor.waitForURL('**/registry/organisations?*country=MX*');
    const table = visitor.getByRole('table', { name: /public pilots and published practices/ });
    const row = table.getByRole('row', { name: new RegExp(ngoName) });
    // One public pilot (the forming one does not count), no practice.
    expect((await row.getByRole('cell').allTextContents()).slice(-2)).toEqual(['1', '0']);
    await expectNoAxeViolations(visitor);
    await row.getByRole('link', { name: ngoName }).click();
    await visitor.waitForURL(`**/registry/organisations/${ngoId}`);
    await visitor.getByRole('heading', { level: 1, name: ngoName }).waitFor();
    const pilots = visitor.getByRole('table', { name: `Public pilots of ${ngoName}, with its role` });
    await pilots.getByRole('link', { name: greenTitle }).waitFor();
    expect(await pilots.getByText(formingTitle).count()).toBe(0);
    await expectNoAxeViolations(visitor);
  });

  it('exports the filtered pilots as CSV and JSON, and offers an Atom feed', async () => {
    await visit(visitor, `/registry/pilots?q=${suffix}&pageSize=1`);
    const href = await visitor.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href');
    expect(href).toContain(`q=${suffix}`);
    expect(href).not.toContain('pageSize');
    const csv = await visitor.request.get(href!);
    expect(csv.headers()['content-disposition']).toContain('pathways-pilots.csv');
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows).toHaveLength(3);
    const json = (await (await visitor.request.get(`/registry/pilots.json?q=${suffix}`)).json()) as {
      title: string;
    }[];
    expect(json.map((r) => r.title).sort()).toEqual([yellowTitle, greenTitle].sort());
    const feed = await visitor.request.get('/registry/pilots/feed.atom');
    expect(feed.headers()['content-type']).toContain('application/atom+xml');
    const xml = await feed.text();
    expect(xml).toContain(`New pilot: ${greenTitle}`);
    expect(xml).not.toContain(formingTitle);
  });

  it('works the same with JavaScript, and in Spanish', async () => {
    const reader = await pages.newPage();
    await visit(reader, `/es/registry/pilots?q=${suffix}`);
    await reader.getByRole('link', { name: yellowTitle }).click();
    await reader.waitForURL(`**/es/registry/pilots/${slugs.yellow}`);
    await shows(reader, 'Informe atrasado');
  });
});

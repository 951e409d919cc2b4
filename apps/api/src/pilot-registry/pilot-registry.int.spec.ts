import { randomBytes } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  defaultReportingThresholds,
  pilotReporting,
  pilotReportingSettings,
  type PilotContent,
  type RegistryOrganisation,
  type RegistryOrganisationList,
  type RegistryPilot,
  type RegistryPilotList,
  type RegistryPilotRecord,
} from '@pathways/contracts';
import {
  Organisation,
  Pilot,
  PilotMilestone,
  PilotPartner,
  PilotReport,
  Practice,
  PracticeVersion,
  refreshLibraryEntry,
} from '@pathways/persistence';
import { appendPublicationLog } from '@pathways/persistence/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../testing/practice-content';
import { startTestApi, type TestApi } from '../testing/test-api';
import { childrenNamed, childText, parseXml } from '../testing/xml-tree';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { PilotRegistryService, registryExportBatchSize } from './pilot-registry.service';

/** RFC 4180, read independently of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '"' || c === '\r' || c === '\n')
      throw new Error(`Unquoted ${JSON.stringify(c)} at ${i}`);
    else field += c;
  }
  if (quoted || field || row.length) throw new Error('The CSV does not end with CRLF');
  return rows;
}

const emptyFilters = { theme: [], stage: [], country: [], role: [], status: [], reportingStatus: [] };
const month = (365.25 / 12) * 24 * 60 * 60 * 1000;
const monthsAgo = (n: number) => new Date(Date.now() - n * month);

const content = (over: PilotContent): PilotContent => ({
  title: 'Safe recruitment corridor',
  summary: 'Ethical recruitment for domestic workers.',
  objectives: 'Zero recruitment fees.',
  themes: ['domestic-workers-rights'],
  stages: ['pre-departure'],
  countries: [
    { code: 'PH', role: 'origin' },
    { code: 'MX', role: 'destination' },
  ],
  period: { start: '2025-01-01', end: '2027-12-31' },
  expectedResults: 'Fewer debts at arrival.',
  indicators: [
    { indicator: 'Women placed without fees', unit: 'people', women: 500, men: null },
    { indicator: 'Workers trained', women: 800, men: 200 },
  ],
  frameworks: [],
  language: 'en',
  ...over,
});

describe('the public pilot registry', () => {
  let api: TestApi;
  const get = (url: string) => api.request({ method: 'GET', url });
  const slugs = {} as Record<'green' | 'yellow' | 'red' | 'closed' | 'forming' | 'draft' | 'quoted', string>;
  const orgs = {} as Record<
    'ministry' | 'ngo' | 'un' | 'declined' | 'invited' | 'pending' | 'author' | 'idle',
    string
  >;
  /** Pilots beyond the named ones, so an export spans more than one batch. */
  const bulk: string[] = [];
  const quotedTitle = 'Fees, "hidden" costs & <b>bold</b> claims';

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_WEB_URL: 'https://registry.example.org' });
    const em = api.app.get(EntityManager).fork();
    const org = (
      name: string,
      kind: Organisation['kind'],
      country: string | null,
      status: Organisation['status'] = 'verified',
    ) => em.create(Organisation, { name, kind, country, status });
    const ministry = org('Department of Migrant Workers', 'government', 'PH');
    const ngo = org('Casa de la Mujer Migrante', 'civil_society', 'MX');
    const un = org('UN Women Regional Office', 'un_entity', null);
    const declined = org('Declining Union', 'trade_union', 'PH');
    const invited = org('Invited Employers', 'employer', 'MX');
    const pending = org('Pending Research Centre', 'research', 'MX', 'pending');
    const author = org('Practice Authors Collective', 'migrant_workers_association', 'NP');
    const idle = org('Idle Verified Body', 'research', 'NP');
    Object.assign(orgs, {
      ministry: ministry.id,
      ngo: ngo.id,
      un: un.id,
      declined: declined.id,
      invited: invited.id,
      pending: pending.id,
      author: author.id,
      idle: idle.id,
    });

    const pilot = (key: keyof typeof slugs | null, fields: Partial<Pilot> & { content: PilotContent }) => {
      const slug = `${key ?? 'bulk'}-${randomBytes(4).toString('hex')}`;
      if (key) slugs[key] = slug;
      const p = em.create(Pilot, { slug, leadOrganisation: ministry, status: 'active', ...fields });
      em.create(PilotPartner, { pilot: p, organisation: ministry, role: 'lead', status: 'accepted' });
      return p;
    };
    const green = pilot('green', {
      activatedAt: monthsAgo(3),
      content: content({ title: 'Green corridor pilot' }),
    });
    em.create(PilotPartner, {
      pilot: green,
      organisation: ngo,
      role: 'implementing',
      status: 'accepted',
      countries: ['MX'],
    });
    em.create(PilotPartner, { pilot: green, organisation: pending, role: 'technical', status: 'accepted' });
    em.create(PilotPartner, { pilot: green, organisation: declined, role: 'funding', status: 'declined' });
    em.create(PilotPartner, { pilot: green, organisation: invited, role: 'advisory', status: 'invited' });
    em.create(PilotMilestone, {
      pilot: green,
      title: 'Recruiters certified',
      dueDate: '2025-06-30',
      status: 'done',
      progress: 100,
    });
    em.create(PilotMilestone, {
      pilot: green,
      title: 'Second cohort placed',
      dueDate: '2026-03-31',
      status: 'in_progress',
      progress: 40,
    });
    const report = (p: Pilot, over: Partial<PilotReport>) =>
      em.create(PilotReport, {
        pilot: p,
        organisation: ministry,
        periodStart: '2025-01-01',
        periodEnd: '2025-06-30',
        compiled: true,
        ...over,
      });
    report(green, {
      submittedAt: monthsAgo(1),
      narrative: 'First semester.',
      indicators: [{ indicator: 'Women placed without fees', women: 120, men: null }],
    });
    // Newer, but a draft of the lead and a partner's own report: neither is what the public sees.
    report(green, {
      submittedAt: null,
      periodStart: '2025-07-01',
      periodEnd: '2025-12-31',
      narrative: 'Draft.',
      indicators: [{ indicator: 'Women placed without fees', women: 999, men: null }],
    });
    report(green, {
      organisation: ngo,
      compiled: false,
      submittedAt: new Date(),
      narrative: 'Partner part.',
      indicators: [{ indicator: 'Women placed without fees', women: 555, men: null }],
    });

    const yellow = pilot('yellow', {
      activatedAt: monthsAgo(18),
      content: content({
        title: 'Yellow remittances pilot',
        summary: 'Cheaper remittances for Nepali women.',
        themes: ['remittances-investment'],
        stages: ['destination'],
        countries: [
          { code: 'NP', role: 'origin' },
          { code: 'QA', role: 'destination' },
          { code: 'MX', role: 'transit' },
        ],
      }),
    });
    em.create(PilotPartner, { pilot: yellow, organisation: un, role: 'technical', status: 'accepted' });
    const red = pilot('red', {
      status: 'completed',
      activatedAt: monthsAgo(40),
      completedAt: monthsAgo(2),
      content: content({ title: 'Red completed pilot', themes: ['remittances-investment'] }),
    });
    report(red, { submittedAt: monthsAgo(30) });
    pilot('closed', {
      status: 'closed',
      activatedAt: monthsAgo(5),
      closedAt: monthsAgo(4),
      closedReason: 'Funding ended.',
      content: content({ title: 'Closed pilot', countries: [{ code: 'MX', role: 'origin' }] }),
    });
    const quoted = pilot('quoted', {
      activatedAt: monthsAgo(4),
      content: content({ title: quotedTitle, summary: 'Line one,\r\nline "two"\nand three' }),
    });
    em.create(PilotPartner, { pilot: quoted, organisation: ngo, role: 'funding', status: 'accepted' });
    // Never public: a forming pilot (partners accepted, not yet active) and a draft.
    const forming = pilot('forming', { status: 'forming', content: content({ title: 'Forming pilot' }) });
    em.create(PilotPartner, {
      pilot: forming,
      organisation: author,
      role: 'implementing',
      status: 'accepted',
    });
    pilot('draft', { status: 'draft', content: content({ title: 'Draft pilot' }) });
    for (let n = 0; n < registryExportBatchSize + 20; n++) {
      bulk.push(
        pilot(null, {
          activatedAt: monthsAgo(6 + n / 1000),
          content: content({ title: `Bulk pilot ${n}`, themes: ['emigration-immigration-return'] }),
        }).id,
      );
    }
    await em.flush();

    // Practices: one published from the green pilot, one retracted, one draft (only the first shows).
    const practices: { practice: Practice; status: Practice['status']; title: string }[] = [];
    const practice = (title: string, status: Practice['status'], owner: Organisation, from: Pilot | null) => {
      const p = em.create(Practice, {
        slug: `p-${randomBytes(5).toString('hex')}`,
        organisation: owner,
        status,
        pilot: from ? ref(from) : null,
      });
      practices.push({ practice: p, status, title });
    };
    practice('Fee-free recruitment, proven', 'published', ministry, green);
    practice('Retracted result', 'retracted', ministry, green);
    practice('Draft result', 'draft', ministry, green);
    practice('Authors practice', 'published', author, null);
    await em.flush();
    for (const { practice: p, title } of practices) {
      p.currentVersion = ref(
        em.create(PracticeVersion, {
          practice: p,
          number: 1,
          content: { ...completePracticeContent, title },
        }),
      );
    }
    await em.flush();
    for (const { practice: p, status } of practices) {
      await appendPublicationLog(em, p.id, status);
      await refreshLibraryEntry(em.fork(), p.id);
    }
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  const listed = async (query: string) => {
    const response = await get(`/api/registry/pilots?pageSize=100&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<RegistryPilotList>();
  };
  const titles = (list: RegistryPilotList) => list.items.map((p) => p.title).sort();

  it('lists public pilots only, newest activation first, with the total of matches', async () => {
    const list = await listed('');
    expect(list.total).toBe(5 + bulk.length);
    const all = [...list.items];
    for (let page = 2; all.length < list.total; page++) all.push(...(await listed(`page=${page}`)).items);
    const slugsListed = all.map((p) => p.slug);
    expect(slugsListed).not.toContain(slugs.forming);
    expect(slugsListed).not.toContain(slugs.draft);
    expect(new Set(slugsListed).size).toBe(list.total);
    const times = all.map((p) => p.activatedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('filters by theme, stage, country, role, status and reporting status', async () => {
    expect(titles(await listed('theme=remittances-investment'))).toEqual([
      'Red completed pilot',
      'Yellow remittances pilot',
    ]);
    expect(titles(await listed('stage=destination'))).toEqual(['Yellow remittances pilot']);
    expect(titles(await listed('country=np'))).toEqual(['Yellow remittances pilot']);
    // A country with a role means that country in that role.
    expect(titles(await listed('country=MX&role=transit'))).toEqual(['Yellow remittances pilot']);
    expect(titles(await listed('country=MX&role=origin'))).toEqual(['Closed pilot']);
    expect(titles(await listed('role=transit'))).toEqual(['Yellow remittances pilot']);
    expect(titles(await listed('status=completed&status=closed'))).toEqual([
      'Closed pilot',
      'Red completed pilot',
    ]);
    expect(titles(await listed('reportingStatus=yellow'))).toEqual(['Yellow remittances pilot']);
    expect(titles(await listed('reportingStatus=red'))).toEqual(['Red completed pilot']);
    expect(titles(await listed('q=remittances nepali'))).toEqual(['Yellow remittances pilot']);
    // The lead's name counts, accents aside.
    expect((await listed('q=MIGRANT WORKERS&theme=remittances-investment')).total).toBe(2);
    const green = (await listed('reportingStatus=green&theme=domestic-workers-rights')).items;
    expect(green.map((p) => p.slug).sort()).toEqual([slugs.closed, slugs.green, slugs.quoted].sort());
  });

  it('computes the light in SQL as pilotReporting() does, with the configured thresholds', async () => {
    const named = (await listed('status=active&status=completed&status=closed')).items;
    const now = new Date();
    const date = (value: string | null) => (value ? new Date(value) : null);
    for (const pilot of named) {
      const { status: expected } = pilotReporting(
        {
          status: pilot.status,
          activatedAt: new Date(pilot.activatedAt),
          completedAt: date(pilot.completedAt),
          closedAt: date(pilot.closedAt),
        },
        date(pilot.lastReportAt),
        now,
        defaultReportingThresholds,
      );
      expect(pilot.reportingStatus, pilot.title).toBe(expected);
    }
    // Half a month to yellow, two and a half to red: the green pilot (reported a month ago) is
    // yellow, and the one never reported in 18 months is red; the closed one stays as it was when it
    // closed, a month after it started, while the completed one ended red.
    const { settings } = pilotReportingSettings(
      { PILOT_REPORTING_YELLOW_AFTER: 0.5, PILOT_REPORTING_RED_AFTER: 2.5, PILOT_REPORT_REMINDER_BEFORE: 0 },
      86_400,
    );
    const thresholds = { yellowAfterMs: settings.yellowAfterMs, redAfterMs: settings.redAfterMs };
    const strict = new PilotRegistryService(
      api.app.get(EntityManager).fork(),
      api.app.get<ApiConfig>(API_CONFIG),
      thresholds,
    );
    const lights = async (light: 'green' | 'yellow' | 'red') =>
      (
        await strict.list({
          ...emptyFilters,
          // The named pilots, not the bulk ones.
          theme: ['domestic-workers-rights', 'remittances-investment'],
          reportingStatus: [light],
          page: 1,
          pageSize: 100,
        })
      ).items
        .map((p) => p.title)
        .sort();
    expect(await lights('green')).toEqual([]);
    expect(await lights('yellow')).toEqual(['Closed pilot', 'Green corridor pilot']);
    expect(await lights('red')).toEqual(
      ['Red completed pilot', 'Yellow remittances pilot', quotedTitle].sort(),
    );
  });

  it('pages with PageQuery and counts past the last page', async () => {
    const page = await get('/api/registry/pilots?pageSize=2&page=2&theme=domestic-workers-rights');
    expect(page.json<RegistryPilotList>()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.json<RegistryPilotList>().items).toHaveLength(1);
    const beyond = await get('/api/registry/pilots?pageSize=2&page=9&theme=domestic-workers-rights');
    expect(beyond.json<RegistryPilotList>()).toMatchObject({ total: 3, items: [] });
  });

  it('answers 400 naming the parameter for bad filters', async () => {
    for (const [query, path] of [
      ['theme=nonsense', 'theme'],
      ['country=XX', 'country'],
      ['role=somewhere', 'role'],
      ['status=draft', 'status'],
      ['reportingStatus=none', 'reportingStatus'],
      ['page=0', 'page'],
      ['pageSize=500', 'pageSize'],
      ['colour=blue', ''],
    ] as const) {
      const response = await get(`/api/registry/pilots?${query}`);
      expect(response.statusCode, query).toBe(400);
      const issues = response.json<{ issues: { path: string; message: string }[] }>().issues;
      if (path)
        expect(
          issues.map((i) => i.path.split('.')[0]),
          query,
        ).toContain(path);
      else expect(JSON.stringify(issues)).toContain('colour');
    }
    const csv = await get('/api/registry/pilots.csv?status=forming');
    expect(csv.statusCode).toBe(400);
    expect(await get('/api/registry/organisations?kind=club').then((r) => r.statusCode)).toBe(400);
    expect(await get('/api/registry/organisations/not-a-uuid').then((r) => r.statusCode)).toBe(400);
  });

  it('shows a pilot page with accepted partners, milestones and the latest submitted compiled report', async () => {
    const response = await get(`/api/registry/pilots/${slugs.green}`);
    expect(response.statusCode, response.body).toBe(200);
    const pilot = response.json<RegistryPilot>();
    expect(pilot.title).toBe('Green corridor pilot');
    expect(pilot.reportingStatus).toBe('green');
    expect(pilot.partners.map((p) => [p.organisation.name, p.role])).toEqual([
      ['Department of Migrant Workers', 'lead'],
      ['Casa de la Mujer Migrante', 'implementing'],
      ['Pending Research Centre', 'technical'],
    ]);
    expect(pilot.milestones.map((m) => [m.title, m.status, m.progress])).toEqual([
      ['Recruiters certified', 'done', 100],
      ['Second cohort placed', 'in_progress', 40],
    ]);
    expect(pilot.latestReport).toMatchObject({ narrative: 'First semester.', periodStart: '2025-01-01' });
    expect(pilot.lastReportAt).toBe(pilot.latestReport?.submittedAt);
    expect(pilot.indicators).toEqual([
      {
        indicator: 'Women placed without fees',
        unit: 'people',
        target: { women: 500, men: null },
        actual: { women: 120, men: null },
      },
      {
        indicator: 'Workers trained',
        unit: null,
        target: { women: 800, men: 200 },
        actual: { women: null, men: null },
      },
    ]);
    expect(pilot.practices.map((p) => p.title)).toEqual(['Fee-free recruitment, proven']);
    expect(JSON.stringify(pilot)).not.toMatch(
      /Draft\.|Partner part|"women":999|"women":555|Declining|Invited Employers/,
    );
  });

  it('measures a pilot without reports from its activation, and shows why a closed pilot closed', async () => {
    const yellow = (await get(`/api/registry/pilots/${slugs.yellow}`)).json<RegistryPilot>();
    expect(yellow).toMatchObject({ reportingStatus: 'yellow', lastReportAt: null, latestReport: null });
    const closed = (await get(`/api/registry/pilots/${slugs.closed}`)).json<RegistryPilot>();
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'Funding ended.' });
  });

  it('answers 404 for forming and draft pilots and unknown slugs', async () => {
    for (const slug of [slugs.forming, slugs.draft, 'no-such-pilot']) {
      const response = await get(`/api/registry/pilots/${slug}`);
      expect(response.statusCode, slug).toBe(404);
    }
  });

  it('exports every matching pilot as CSV, quoted as RFC 4180 says', async () => {
    const response = await get('/api/registry/pilots.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain('pathways-pilots.csv');
    const [header, ...rows] = parseCsv(response.body);
    expect(header).toEqual([
      'id',
      'url',
      'title',
      'summary',
      'status',
      'lead',
      'lead_kind',
      'partners',
      'countries',
      'themes',
      'stages',
      'period_start',
      'period_end',
      'activated_at',
      'completed_at',
      'last_report_at',
      'reporting_status',
    ]);
    expect(rows).toHaveLength(5 + bulk.length);
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(bulk));
    const quoted = rows.find((r) => r[2] === quotedTitle)!;
    expect(quoted[3]).toBe('Line one,\r\nline "two"\nand three');
    expect(quoted[1]).toBe(`https://registry.example.org/registry/pilots/${slugs.quoted}`);
    expect(quoted[7]).toBe('Department of Migrant Workers:lead;Casa de la Mujer Migrante:funding');
    expect(quoted[8]).toBe('PH:origin;MX:destination');
    const red = rows.find((r) => r[2] === 'Red completed pilot')!;
    expect(red.slice(4, 5)).toEqual(['completed']);
    expect(red[16]).toBe('red');
    expect(red[15]).not.toBe('');
    const filtered = parseCsv((await get('/api/registry/pilots.csv?theme=remittances-investment')).body);
    expect(
      filtered
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(['Red completed pilot', 'Yellow remittances pilot']);
  });

  it('exports the same rows as JSON', async () => {
    const response = await get('/api/registry/pilots.json?reportingStatus=green');
    expect(response.statusCode).toBe(200);
    const records = response.json<RegistryPilotRecord[]>();
    const list = await listed('reportingStatus=green');
    expect(records).toHaveLength(list.total);
    const green = records.find((r) => r.title === 'Green corridor pilot')!;
    expect(green.partners).toEqual([
      { name: 'Department of Migrant Workers', role: 'lead' },
      { name: 'Casa de la Mujer Migrante', role: 'implementing' },
      { name: 'Pending Research Centre', role: 'technical' },
    ]);
    expect((await get('/api/registry/pilots.json?country=XX')).statusCode).toBe(400);
    expect((await get('/api/registry/pilots.json?theme=care-economy')).body).toBe('[]\n');
  });

  it('serves a well-formed Atom feed of activations and completions', async () => {
    const response = await get('/api/registry/pilots/feed.atom');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const feed = parseXml(response.body);
    expect(feed.name).toBe('feed');
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(50);
    const all = entries.map((e) => childText(e, 'title'));
    // The completion is the newest event; the quoted title arrives escaped and reads back intact.
    expect(all[0]).toBe('Completed: Red completed pilot');
    expect(all).toContain('New pilot: Green corridor pilot');
    expect(all).toContain(`New pilot: ${quotedTitle}`);
    expect(all.join()).not.toMatch(/Forming|Draft pilot/);
  });

  it('lists verified organisations with public pilots or published practices, with counts', async () => {
    const response = await get('/api/registry/organisations?pageSize=100');
    expect(response.statusCode).toBe(200);
    const list = response.json<RegistryOrganisationList>();
    const byName = Object.fromEntries(
      list.items.map((o) => [o.name, [o.pilotCount, o.publishedPracticeCount]]),
    );
    expect(byName).toEqual({
      'Casa de la Mujer Migrante': [2, 0],
      'Department of Migrant Workers': [5 + bulk.length, 1],
      'Practice Authors Collective': [0, 1],
      'UN Women Regional Office': [1, 0],
    });
    expect(list.total).toBe(4);
    const mexican = (await get('/api/registry/organisations?country=MX')).json<RegistryOrganisationList>();
    expect(mexican.items.map((o) => o.name)).toEqual(['Casa de la Mujer Migrante']);
    const un = (
      await get('/api/registry/organisations?kind=un_entity&kind=government')
    ).json<RegistryOrganisationList>();
    expect(un.items.map((o) => o.name)).toEqual([
      'Department of Migrant Workers',
      'UN Women Regional Office',
    ]);
    const second = (
      await get('/api/registry/organisations?pageSize=3&page=2')
    ).json<RegistryOrganisationList>();
    expect(second).toMatchObject({ total: 4, page: 2 });
    expect(second.items.map((o) => o.name)).toEqual(['UN Women Regional Office']);
  });

  it("shows an organisation's public pilots with its role, and its published practices", async () => {
    const ngo = (await get(`/api/registry/organisations/${orgs.ngo}`)).json<RegistryOrganisation>();
    expect(ngo.pilots.map((p) => [p.title, p.role, p.status, p.reportingStatus]).sort()).toEqual([
      [quotedTitle, 'funding', 'active', 'green'],
      ['Green corridor pilot', 'implementing', 'active', 'green'],
    ]);
    const author = (await get(`/api/registry/organisations/${orgs.author}`)).json<RegistryOrganisation>();
    expect(author.pilots).toEqual([]);
    expect(author.practices.map((p) => p.title)).toEqual(['Authors practice']);
    const ministry = (await get(`/api/registry/organisations/${orgs.ministry}`)).json<RegistryOrganisation>();
    expect(ministry.practices.map((p) => p.title)).toEqual(['Fee-free recruitment, proven']);
    expect(ministry.pilots.every((p) => p.role === 'lead')).toBe(true);
    // Not in the directory: unverified, declined or invited only, or with nothing public.
    for (const key of ['pending', 'declined', 'invited', 'idle'] as const) {
      expect((await get(`/api/registry/organisations/${orgs[key]}`)).statusCode, key).toBe(404);
    }
  });
});

import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import type { LibraryPractice, PilotContent, Practice as PracticeDto } from '@pathways/contracts';
import {
  Organisation,
  Pilot,
  PilotPartner,
  PilotReport,
  Practice,
  refreshLibraryEntry,
} from '@pathways/persistence';
import { appendPublication } from '@pathways/persistence/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePilotContent, pilotScene } from '../pilots/testing/pilot-scene';
import { startTestApi, type TestApi } from '../testing/test-api';

type Org = Awaited<ReturnType<ReturnType<typeof pilotScene>['organisation']>>;

const content: PilotContent = {
  ...completePilotContent,
  themes: [...completePilotContent.themes],
  stages: [...completePilotContent.stages],
  countries: [...completePilotContent.countries],
  frameworks: [...completePilotContent.frameworks],
  budget: { range: '50k-250k', sources: ['Ministry budget'] },
  indicators: [
    { indicator: 'Women oriented before departure', unit: 'people', women: 2000, men: 200 },
    { indicator: 'Helpline calls answered', unit: 'calls', women: 900, men: 100 },
  ],
};

describe('a good-practice draft from a completed pilot', () => {
  let api: TestApi;
  let scene: ReturnType<typeof pilotScene>;
  let stranger: string;
  let ministry: Org;
  let ngo: Org;
  const pilots = {} as Record<'completed' | 'unreported' | 'active' | 'draft', Pilot>;
  const em = () => api.app.get(EntityManager).fork();
  const draft = (pilotId: string, token?: string) =>
    scene.call('POST', `/api/pilots/${pilotId}/practice-draft`, token);

  beforeAll(async () => {
    api = await startTestApi();
    const admin = (await api.signUp({ roles: ['admin'] })).token;
    stranger = (await api.signUp()).token;
    scene = pilotScene(api, admin);
    ministry = await scene.organisation('Department of Migrant Workers', 'government', 'PH', true);
    ngo = await scene.organisation('Casa de la Mujer Migrante', 'civil_society', 'MX');
    const declined = await scene.organisation('Declining Union', 'trade_union', 'PH');

    const db = em();
    const [lead, partner, decliner] = await Promise.all(
      [ministry, ngo, declined].map((o) => db.findOneOrFail(Organisation, { id: o.id })),
    );
    const pilot = (
      key: keyof typeof pilots,
      status: Pilot['status'],
      activatedAt: Date | null,
      over: Partial<PilotContent> = {},
    ) => {
      const p = db.create(Pilot, {
        slug: `${key}-${randomBytes(4).toString('hex')}`,
        leadOrganisation: lead,
        status,
        activatedAt,
        completedAt: status === 'completed' ? new Date('2029-01-15T00:00:00Z') : null,
        content: { ...content, ...over },
      });
      db.create(PilotPartner, { pilot: p, organisation: lead, role: 'lead', status: 'accepted' });
      db.create(PilotPartner, { pilot: p, organisation: partner, role: 'implementing', status: 'accepted' });
      db.create(PilotPartner, { pilot: p, organisation: decliner, role: 'technical', status: 'declined' });
      pilots[key] = p;
      return p;
    };
    const completed = pilot('completed', 'completed', new Date('2027-01-10T00:00:00Z'));
    pilot('unreported', 'completed', new Date('2027-01-10T00:00:00Z'), {
      title: 'A pilot that never reported',
    });
    pilot('active', 'active', new Date('2027-01-10T00:00:00Z'));
    pilot('draft', 'draft', null);

    const report = (fields: Partial<PilotReport>) =>
      db.create(PilotReport, {
        pilot: completed,
        organisation: lead,
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        compiled: true,
        submittedAt: new Date('2028-01-20T00:00:00Z'),
        ...fields,
      });
    // An earlier compiled report, superseded by the next one.
    report({ indicators: [{ indicator: 'Women oriented before departure', women: 700, men: 80 }] });
    // The latest compiled report: its values fill the draft (names matched regardless of case).
    report({
      periodStart: '2028-01-01',
      periodEnd: '2028-12-31',
      submittedAt: new Date('2029-01-10T00:00:00Z'),
      indicators: [
        { indicator: 'women oriented before departure', women: 1850, men: 240 },
        { indicator: 'Employers trained on fair contracts', women: 12, men: 30 },
      ],
    });
    // A later partner report covers that partner's part only, and a draft report is not yet submitted.
    report({
      organisation: partner,
      compiled: false,
      periodStart: '2029-01-01',
      periodEnd: '2029-06-30',
      submittedAt: new Date('2029-07-01T00:00:00Z'),
      indicators: [{ indicator: 'Helpline calls answered', women: 1, men: 1 }],
    });
    report({
      periodStart: '2029-01-01',
      periodEnd: '2029-12-31',
      submittedAt: null,
      indicators: [{ indicator: 'Helpline calls answered', women: 5, men: 5 }],
    });
    await db.flush();
  });
  afterAll(() => api?.close());

  it("pre-fills the lead organisation's draft from the pilot and its latest submitted report", async () => {
    const response = await draft(pilots.completed.id, ministry.focal);
    expect(response.statusCode, response.body).toBe(201);
    const practice = response.json<PracticeDto>();
    expect(practice).toMatchObject({
      slug: expect.stringMatching(/^safe-corridors-for-domestic-workers-[0-9a-f]{8}$/),
      organisationId: ministry.id,
      organisationName: 'Department of Migrant Workers',
      status: 'draft',
      versionNumber: 1,
      publishedVersionNumber: null,
      pilotId: pilots.completed.id,
    });
    expect(practice.content).toEqual({
      title: content.title,
      summary: content.summary,
      description: content.objectives,
      outcomes: content.expectedResults,
      themes: content.themes,
      stages: content.stages,
      countries: content.countries,
      frameworks: content.frameworks,
      // Accepted partners only; the lead owns the practice.
      partners: ['Casa de la Mujer Migrante'],
      period: content.period,
      language: 'en',
      indicators: [
        {
          indicator: 'Women oriented before departure',
          women: 1850,
          men: 240,
          unit: 'people',
          year: 2028,
          source: 'Pilot progress report',
        },
        // A target the report did not cover: the authors fill in the figures.
        { indicator: 'Helpline calls answered', women: null, men: null, unit: 'calls' },
        {
          indicator: 'Employers trained on fair contracts',
          women: 12,
          men: 30,
          year: 2028,
          source: 'Pilot progress report',
        },
      ],
    });
    const stored = await em().findOneOrFail(Practice, { id: practice.id });
    expect(stored.pilot?.id).toBe(pilots.completed.id);

    // It is an ordinary draft of the organisation: its members read it, its authors may edit it.
    const read = await scene.call('GET', `/api/practices/${practice.id}`, ministry.member);
    expect(read.statusCode).toBe(200);
    expect(read.json<PracticeDto>()).toMatchObject({
      pilotId: pilots.completed.id,
      content: { title: content.title },
    });
    const edited = await scene.call('PATCH', `/api/practices/${practice.id}`, ministry.focal, {
      content: { ...practice.content, licence: 'CC-BY-4.0' },
      version: practice.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
  });

  it('answers a second call with the draft made the first time', async () => {
    const again = await draft(pilots.completed.id, ministry.focal);
    expect(again.statusCode, again.body).toBe(200);
    const practice = again.json<PracticeDto>();
    // The edit made since is kept: nothing was pre-filled anew.
    expect(practice.content.licence).toBe('CC-BY-4.0');
    expect(await em().count(Practice, { pilot: pilots.completed.id })).toBe(1);
  });

  it('makes one draft when asked twice at once', async () => {
    const [a, b] = await Promise.all([
      draft(pilots.unreported.id, ministry.focal),
      draft(pilots.unreported.id, ministry.focal),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json<PracticeDto>().id).toBe(b.json<PracticeDto>().id);
    expect(await em().count(Practice, { pilot: pilots.unreported.id })).toBe(1);
    // Without any report, the targets come without figures.
    expect(a.json<PracticeDto>().content.indicators).toEqual([
      { indicator: 'Women oriented before departure', women: null, men: null, unit: 'people' },
      { indicator: 'Helpline calls answered', women: null, men: null, unit: 'calls' },
    ]);
  });

  it('refuses a pilot that is not completed, naming its state', async () => {
    const response = await draft(pilots.active.id, ministry.focal);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('active'),
    });
    const early = await draft(pilots.draft.id, ministry.focal);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('draft');
    expect(await em().count(Practice, { pilot: { $in: [pilots.active.id, pilots.draft.id] } })).toBe(0);
  });

  it("is the lead's focal points' alone: others are refused, and a pilot they cannot see is not found", async () => {
    // The public pilot is readable by all, so anyone else signed in is refused.
    for (const token of [ministry.member, ngo.focal, stranger]) {
      const response = await draft(pilots.completed.id, token);
      expect(response.statusCode, response.body).toBe(403);
    }
    expect((await draft(pilots.completed.id)).statusCode).toBe(401);
    // A pilot never active is the lead's business only.
    expect((await draft(pilots.draft.id, stranger)).statusCode).toBe(404);
    expect((await draft(pilots.draft.id, ngo.focal)).statusCode).toBe(403);
    expect((await draft('not-a-pilot', ministry.focal)).statusCode).toBe(404);
    expect((await draft('8c1a6d30-6a55-4c8e-9d2a-3f1f8b7c9e01', ministry.focal)).statusCode).toBe(404);
  });

  it("lists the draft on the pilot for the lead's members, and to nobody else until it is published", async () => {
    const listed = (token?: string) =>
      scene.call('GET', `/api/pilots/${pilots.completed.id}/practices`, token);
    const practice = await em().findOneOrFail(Practice, { pilot: pilots.completed.id });
    const mine = await listed(ministry.member);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toEqual([
      { id: practice.id, title: content.title, status: 'draft', slug: null },
    ]);
    for (const token of [ngo.focal, stranger, undefined])
      expect((await listed(token)).json().items, token ?? 'the public').toEqual([]);
    // A pilot the caller cannot see lists nothing either: it is not found.
    expect((await scene.call('GET', `/api/pilots/${pilots.draft.id}/practices`, stranger)).statusCode).toBe(
      404,
    );
  });

  it('links the published practice to the public pilot, and the pilot to the practice', async () => {
    const db = em();
    const practice = await db.findOneOrFail(Practice, { pilot: pilots.completed.id });
    await db.nativeUpdate(
      Practice,
      { id: practice.id },
      { status: 'published', publishedVersion: practice.currentVersion?.id },
    );
    await appendPublication(db, practice.id, 1, new Date('2029-03-01T00:00:00Z'));
    await refreshLibraryEntry(db, practice.id);

    const page = await scene.call('GET', `/api/library/practices/${practice.slug}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json<LibraryPractice>().pilot).toEqual({ slug: pilots.completed.slug, title: content.title });

    const registry = await scene.call('GET', `/api/registry/pilots/${pilots.completed.slug}`);
    expect(registry.statusCode, registry.body).toBe(200);
    expect(registry.json().practices).toEqual([
      expect.objectContaining({ slug: practice.slug, title: content.title }),
    ]);
    const listed = await scene.call('GET', `/api/pilots/${pilots.completed.id}/practices`);
    expect(listed.json().items).toEqual([
      { id: practice.id, title: content.title, status: 'published', slug: practice.slug },
    ]);
  });

  it('does not name a pilot that is not public in the library', async () => {
    const db = em();
    const lead = await db.findOneOrFail(Organisation, { id: ministry.id });
    const practice = db.create(Practice, {
      slug: `from-a-private-pilot-${randomBytes(4).toString('hex')}`,
      organisation: lead,
      status: 'published',
      pilot: pilots.draft.id,
    });
    db.create('PracticeVersion', { practice, number: 1, content: { title: 'From a private pilot' } });
    await db.flush();
    await appendPublication(db, practice.id, 1, new Date('2029-03-01T00:00:00Z'));
    await refreshLibraryEntry(db, practice.id);

    const page = await scene.call('GET', `/api/library/practices/${practice.slug}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json<LibraryPractice>().pilot).toBeNull();
    const [row] = await db.execute<{ pilot_slug: string | null }[]>(
      `select pilot_slug from library_practice where id = ?`,
      [practice.id],
    );
    expect(row?.pilot_slug).toBeNull();

    // Once the pilot becomes public, the next refresh names it.
    await db.nativeUpdate(Pilot, { id: pilots.draft.id }, { status: 'active', activatedAt: new Date() });
    await refreshLibraryEntry(db, practice.id);
    const linked = await scene.call('GET', `/api/library/practices/${practice.slug}`);
    expect(linked.json<LibraryPractice>().pilot).toEqual({ slug: pilots.draft.slug, title: content.title });
  });
});

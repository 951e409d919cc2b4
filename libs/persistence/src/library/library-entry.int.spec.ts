import { randomBytes } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import type { PracticeContent } from '@pathways/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organisation, Practice, PracticeVersion } from '../entities';
import { ormConfig } from '../orm.config';
import {
  appendPracticeEvent,
  appendPublication,
  appendRetraction,
  createTestDatabase,
  type TestDatabase,
} from '../testing';
import { rebuildLibrary, refreshLibraryEntry } from './library-entry';
import { readLibraryGeneration } from './library-generation';

describe('refreshLibraryEntry', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, poolMax: 4 }));
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  const entry = async (id: string) => {
    const rows = await orm.em.fork().execute<Record<string, unknown>[]>(
      `select version_number, title, language, year, extract(epoch from published_at)::int as published_epoch,
         retracted, retraction_notice, extract(epoch from retracted_at)::int as retracted_epoch,
         country_codes, roles, regions, themes, refreshed_at,
         search @@ websearch_to_tsquery('library_es', 'trabajadoras domesticas filipinas') as found
       from library_practice where id = ?`,
      [id],
    );
    return rows[0];
  };
  const versions = (id: string) =>
    orm.em.fork().execute<Record<string, unknown>[]>(
      `select number, title, content->>'title' as content_title, extract(epoch from published_at)::int as published_epoch,
         previous_number, changed_fields, changes, refreshed_at
       from library_practice_version where practice_id = ? order by number`,
      [id],
    );

  const first: PracticeContent = {
    title: 'Trabajadoras domésticas',
    summary: 'Resumen',
    language: 'es',
    themes: ['remittances-investment'],
    countries: [
      { code: 'PH', role: 'origin' },
      { code: 'ES', role: 'destination' },
    ],
  };

  /** A practice with its versions stored, as the workspace leaves it; the log is up to each test. */
  async function practiceWith(status: Practice['status'], ...contents: PracticeContent[]) {
    const em = orm.em.fork();
    const suffix = randomBytes(4).toString('hex');
    const organisation = em.create(Organisation, {
      name: `Ministerio ${suffix}`,
      kind: 'government',
      status: 'verified',
    });
    const practice = em.create(Practice, {
      slug: `remesas-${suffix}`,
      organisation,
      status,
    });
    const stored = contents.map((content, index) =>
      em.create(PracticeVersion, { practice, number: index + 1, content }),
    );
    await em.flush();
    practice.currentVersion = ref(stored.at(-1)!);
    await em.flush();
    return { em, practice, stored };
  }

  it('lists the version the latest publication named, in its language, and keeps it while a revision is under way', async () => {
    const revised = { ...first, title: 'Ahorro de las trabajadoras', period: { start: '2018-01-01' } };
    const { em, practice } = await practiceWith('published', first);
    const publishedAt = new Date('2025-05-04T03:02:01.000Z');
    await appendPublication(em, practice.id, 1, publishedAt);

    expect(await refreshLibraryEntry(em, practice.id)).toBe('listed');
    expect(await entry(practice.id)).toMatchObject({
      version_number: 1,
      title: 'Trabajadoras domésticas',
      language: 'es',
      year: 2025,
      published_epoch: publishedAt.getTime() / 1000,
      retracted: false,
      retraction_notice: null,
      country_codes: expect.arrayContaining(['PH', 'ES']),
      roles: expect.arrayContaining(['origin', 'destination']),
      // South-eastern Asia and Asia for PH; Southern Europe and Europe for ES (UN M49).
      regions: expect.arrayContaining(['035', '142', '039', '150']),
      themes: ['remittances-investment'],
      found: true,
    });

    // The authors revise it: the practice leaves `published` and its current version is a new draft.
    practice.status = 'in_review';
    const draft = em.create(PracticeVersion, { practice, number: 2, content: revised });
    await em.flush();
    practice.currentVersion = ref(draft);
    await em.flush();
    expect(await refreshLibraryEntry(em, practice.id)).toBe('listed');
    expect(await entry(practice.id)).toMatchObject({ version_number: 1, title: 'Trabajadoras domésticas' });
    expect(await versions(practice.id)).toMatchObject([{ number: 1, previous_number: null, changes: [] }]);

    // Its second publication lists version 2 and adds it to the history with what changed.
    practice.status = 'published';
    await em.flush();
    const secondAt = new Date('2026-02-03T04:05:06.000Z');
    await appendPublication(em, practice.id, 2, secondAt);
    expect(await refreshLibraryEntry(em, practice.id)).toBe('listed');
    expect(await entry(practice.id)).toMatchObject({
      version_number: 2,
      title: 'Ahorro de las trabajadoras',
      year: 2018,
      published_epoch: secondAt.getTime() / 1000,
    });
    const history = await versions(practice.id);
    expect(history).toMatchObject([
      { number: 1, title: 'Trabajadoras domésticas', published_epoch: publishedAt.getTime() / 1000 },
      {
        number: 2,
        title: 'Ahorro de las trabajadoras',
        content_title: 'Ahorro de las trabajadoras',
        published_epoch: secondAt.getTime() / 1000,
        previous_number: 1,
        changed_fields: ['period', 'title'],
        changes: [
          { field: 'period', kind: 'added', before: null, after: { start: '2018-01-01' } },
          { field: 'title', kind: 'changed', before: first.title, after: revised.title },
        ],
      },
    ]);
  });

  it('marks a retraction after the latest publication with its date and comment, and keeps every version', async () => {
    const { em, practice } = await practiceWith('published', first, { ...first, summary: 'Otro resumen' });
    await appendPublication(em, practice.id, 1, new Date('2025-01-01T00:00:00Z'));
    await appendPublication(em, practice.id, 2, new Date('2025-06-01T00:00:00Z'));
    const retractedAt = new Date('2025-07-01T00:00:00Z');
    await appendRetraction(em, practice.id, 2, 'The figures could not be verified.', retractedAt);

    expect(await refreshLibraryEntry(em, practice.id)).toBe('retracted');
    expect(await entry(practice.id)).toMatchObject({
      version_number: 2,
      retracted: true,
      retracted_epoch: retractedAt.getTime() / 1000,
      retraction_notice: 'The figures could not be verified.',
    });
    expect((await versions(practice.id)).map((v) => [v.number, v.changed_fields])).toEqual([
      [1, []],
      [2, ['summary']],
    ]);
  });

  it('does the same work once however often the job is delivered, even at the same time', async () => {
    const { em, practice } = await practiceWith('published', first, { ...first, title: 'Segunda' });
    await appendPublication(em, practice.id, 1);
    await appendPublication(em, practice.id, 2);
    await refreshLibraryEntry(em, practice.id);
    const [before, versionsBefore] = [await entry(practice.id), await versions(practice.id)];

    // Re-delivered jobs, some of them concurrent, on their own connections.
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => refreshLibraryEntry(orm.em.fork(), practice.id)),
    );
    expect(outcomes).toEqual(['listed', 'listed', 'listed', 'listed']);
    expect(await refreshLibraryEntry(em, practice.id)).toBe('listed');
    // Nothing public changed, so the refresh time (which caches key on) stands still.
    expect(await entry(practice.id)).toEqual(before);
    expect(await versions(practice.id)).toEqual(versionsBefore);
  });

  it('moves the generation with every change of what the public reads, and only then', async () => {
    const generation = async () => BigInt((await readLibraryGeneration(orm.em.fork())).generation);
    const { em, practice } = await practiceWith('published', first);
    await appendPublication(em, practice.id, 1);
    const start = await generation();
    const { changedAt: before } = await readLibraryGeneration(orm.em.fork());

    await refreshLibraryEntry(em, practice.id);
    expect(await generation()).toBe(start + 1n);
    const { changedAt } = await readLibraryGeneration(orm.em.fork());
    expect(changedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());

    // A re-delivered job, and a refresh of a practice that is not in the library, change nothing.
    await refreshLibraryEntry(em, practice.id);
    await refreshLibraryEntry(em, '00000000-0000-4000-8000-000000000000');
    expect(await generation()).toBe(start + 1n);

    await appendRetraction(em, practice.id, 1, 'Withdrawn.');
    expect(await refreshLibraryEntry(em, practice.id)).toBe('retracted');
    expect(await generation()).toBe(start + 2n);

    // The log no longer names a publication (as after a rebuilt database): the row goes, and so does the generation.
    await em.execute(`delete from workflow_event where entity_id = ?`, [practice.id], 'run');
    expect(await refreshLibraryEntry(em, practice.id)).toBe('removed');
    expect(await generation()).toBe(start + 3n);

    // A rebuild always moves it: how rows are built may have changed without their content.
    await rebuildLibrary(em);
    expect(await generation()).toBeGreaterThan(start + 3n);
  });

  it('keeps the narrow match table in step with every listing, new version and removal', async () => {
    const match = async (id: string) =>
      (
        await orm.em.fork().execute<Record<string, unknown>[]>(
          `select language, sort_title, facet_keys, extract(epoch from published_at)::int as published_epoch,
             search @@ websearch_to_tsquery('library_es', 'ahorro') as found
           from library_match where id = ?`,
          [id],
        )
      )[0];
    const revised: PracticeContent = {
      ...first,
      title: 'Ahorro de las Trabajadoras',
      themes: ['fair-recruitment'],
    };
    const { em, practice } = await practiceWith('published', first, revised);
    const publishedAt = new Date('2025-05-04T03:02:01.000Z');
    await appendPublication(em, practice.id, 1, publishedAt);
    await refreshLibraryEntry(em, practice.id);
    expect(await match(practice.id)).toMatchObject({
      language: 'es',
      sort_title: 'trabajadoras domésticas',
      facet_keys: expect.arrayContaining(['theme:remittances-investment', 'country:PH', 'role:origin']),
      published_epoch: publishedAt.getTime() / 1000,
      found: false,
    });

    await appendPublication(em, practice.id, 2);
    await refreshLibraryEntry(em, practice.id);
    const after = await match(practice.id);
    expect(after).toMatchObject({ sort_title: 'ahorro de las trabajadoras', found: true });
    expect(after.facet_keys).toContain('theme:fair-recruitment');
    expect(after.facet_keys).not.toContain('theme:remittances-investment');

    await em.execute(`delete from library_practice where id = ?`, [practice.id], 'run');
    expect(await match(practice.id)).toBeUndefined();
  });

  it('takes no notice of the status: never published means not in the library', async () => {
    const { em, practice } = await practiceWith('published', first);
    expect(await refreshLibraryEntry(em, practice.id)).toBe('removed');
    expect(await entry(practice.id)).toBeUndefined();
    expect(await refreshLibraryEntry(em, '00000000-0000-4000-8000-000000000000')).toBe('removed');
  });

  it('rebuilds every row from the log, and drops rows it should not have', async () => {
    const em = orm.em.fork();
    const { practice } = await practiceWith('retracted', first);
    await appendPublication(em, practice.id, 1);
    await appendRetraction(em, practice.id, 1, 'Withdrawn by the authors.');
    const { practice: draft } = await practiceWith('draft', first);
    await em.execute(`delete from library_practice`, [], 'run');
    await em.execute(
      `insert into library_practice (id, slug, version_number, title, summary, organisation_name, organisation_kind, language, published_at, retracted, content, search, rank_vector)
       values (?, 'stale', 1, 'Stale', '', 'Nobody', 'government', 'en', now(), false, '{}', ''::tsvector, ''::tsvector)`,
      [draft.id],
      'run',
    );

    const counts = await rebuildLibrary(em);
    expect(counts.removed).toBe(0);
    expect(await entry(practice.id)).toMatchObject({
      retracted: true,
      version_number: 1,
      retraction_notice: 'Withdrawn by the authors.',
    });
    expect(await versions(practice.id)).toHaveLength(1);
    expect(await entry(draft.id)).toBeUndefined();
    const [{ listed, retracted }] = await em.execute<{ listed: number; retracted: number }[]>(
      `select count(*) filter (where not retracted)::int as listed, count(*) filter (where retracted)::int as retracted
       from library_practice`,
    );
    expect({ listed, retracted }).toEqual({ listed: counts.listed, retracted: counts.retracted });
  });

  it('keeps the review decisions of every decided practice, published or not, with dates and outcome only', async () => {
    const em = orm.em.fork();
    const { practice } = await practiceWith('rejected', first);
    const step = (transition: string, toState: string, at: string) =>
      appendPracticeEvent(em, practice.id, {
        transition,
        fromState: 'x',
        toState,
        versionNumber: 1,
        at: new Date(at),
      });
    await step('submit', 'submitted', '2026-01-01T00:00:00Z');
    await step('start_screening', 'screening', '2026-01-02T00:00:00Z');
    await step('desk_reject', 'rejected', '2026-01-04T12:00:00Z');
    const decisions = () =>
      em.execute<Record<string, unknown>[]>(
        `select sequence, extract(epoch from decided_at - submitted_at)::int as seconds, outcome
         from library_review_decision where practice_id = ?`,
        [practice.id],
      );

    // Never published, so not in the library, but its decision counts.
    expect(await refreshLibraryEntry(em, practice.id)).toBe('removed');
    expect(await decisions()).toEqual([{ sequence: 3, seconds: 3.5 * 86400, outcome: 'rejected' }]);
    // A rebuild redoes it from the log, and drops decisions the log does not hold.
    await em.execute(`delete from library_review_decision`, [], 'run');
    await em.execute(
      `insert into library_review_decision (practice_id, sequence, submitted_at, decided_at, outcome)
       values ('00000000-0000-4000-8000-000000000000', 1, now(), now(), 'accepted')`,
      [],
      'run',
    );
    await rebuildLibrary(em);
    expect(await decisions()).toEqual([{ sequence: 3, seconds: 3.5 * 86400, outcome: 'rejected' }]);
    const [{ stale }] = await em.execute<{ stale: number }[]>(
      `select count(*)::int as stale from library_review_decision where practice_id = '00000000-0000-4000-8000-000000000000'`,
    );
    expect(stale).toBe(0);
  });
});

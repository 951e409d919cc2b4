import { ref } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organisation, Practice, PracticeVersion, WorkflowEvent } from '../entities';
import { ormConfig } from '../orm.config';
import { createTestDatabase, type TestDatabase } from '../testing';
import { rebuildLibrary, refreshLibraryEntry } from './library-entry';

describe('refreshLibraryEntry', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, poolMax: 2 }));
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  const entry = async (id: string) => {
    const rows = await orm.em.fork().execute<Record<string, unknown>[]>(
      `select version_number, title, language, year, extract(epoch from published_at)::int as published_epoch, retracted, country_codes, roles, regions, themes,
         search @@ websearch_to_tsquery('library_es', 'trabajadoras domesticas filipinas') as found
       from library_practice where id = ?`,
      [id],
    );
    return rows[0];
  };

  it('lists the current version in its language, from the publication date, and follows new versions', async () => {
    const em = orm.em.fork();
    const organisation = em.create(Organisation, {
      name: 'Ministerio',
      kind: 'government',
      status: 'verified',
    });
    const practice = em.create(Practice, { slug: 'remesas', organisation, status: 'published' });
    const first = em.create(PracticeVersion, {
      practice,
      number: 1,
      content: {
        title: 'Trabajadoras domésticas',
        summary: 'Resumen',
        language: 'es',
        themes: ['remittances-investment'],
        countries: [
          { code: 'PH', role: 'origin' },
          { code: 'ES', role: 'destination' },
        ],
      },
    });
    const publishedAt = new Date('2025-05-04T03:02:01.000Z');
    em.create(WorkflowEvent, {
      workflow: 'practice',
      entityType: 'Practice',
      entityId: practice.id,
      sequence: 1,
      transition: 'publish',
      fromState: 'accepted',
      toState: 'published',
      createdAt: publishedAt,
      payload: null,
      hash: 'test',
    });
    await em.flush();
    practice.currentVersion = ref(first);
    await em.flush();

    expect(await refreshLibraryEntry(em, practice.id)).toBe('listed');
    expect(await entry(practice.id)).toEqual({
      version_number: 1,
      title: 'Trabajadoras domésticas',
      language: 'es',
      year: 2025,
      published_epoch: publishedAt.getTime() / 1000,
      retracted: false,
      country_codes: expect.arrayContaining(['PH', 'ES']),
      roles: expect.arrayContaining(['origin', 'destination']),
      // South-eastern Asia and Asia for PH; Southern Europe and Europe for ES (UN M49).
      regions: expect.arrayContaining(['035', '142', '039', '150']),
      themes: ['remittances-investment'],
      found: true,
    });

    const second = em.create(PracticeVersion, {
      practice,
      number: 2,
      content: { ...first.content, title: 'Ahorro de las trabajadoras', period: { start: '2018-01-01' } },
    });
    await em.flush();
    practice.currentVersion = ref(second);
    await em.flush();
    await refreshLibraryEntry(em, practice.id);
    expect(await entry(practice.id)).toMatchObject({
      version_number: 2,
      title: 'Ahorro de las trabajadoras',
      year: 2018,
    });

    practice.status = 'retracted';
    await em.flush();
    expect(await refreshLibraryEntry(em, practice.id)).toBe('retracted');
    expect(await entry(practice.id)).toMatchObject({ retracted: true, version_number: 2 });

    expect(await refreshLibraryEntry(em, '00000000-0000-4000-8000-000000000000')).toBe('removed');

    // A rebuild finds practices the publishing job never saw, and drops rows it should not have.
    await em.execute(`delete from library_practice`, [], 'run');
    const draft = em.create(Practice, { slug: 'borrador', organisation, status: 'draft' });
    await em.flush();
    await em.execute(
      `insert into library_practice (id, slug, version_number, title, summary, organisation_name, organisation_kind, language, published_at, retracted, content, search, rank_vector)
       values (?, 'stale', 1, 'Stale', '', 'Nobody', 'government', 'en', now(), false, '{}', ''::tsvector, ''::tsvector)`,
      [draft.id],
      'run',
    );
    expect(await rebuildLibrary(em)).toEqual({ listed: 0, retracted: 1, removed: 0 });
    expect(await entry(practice.id)).toMatchObject({ retracted: true, version_number: 2 });
    const [{ count }] = await em.execute<{ count: number }[]>(
      `select count(*)::int as count from library_practice`,
    );
    expect(count).toBe(1);
  });
});

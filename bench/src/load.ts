import { MikroORM } from '@mikro-orm/postgresql';
import { SingleBar, Presets } from 'cli-progress';
import { Client } from 'pg';
import { seedTaxonomy } from '@pathways/contracts';
import { eventHash, migrate, ormConfig, refreshLibraryEntry } from '@pathways/persistence';
import {
  GENERATOR_VERSION,
  generateOrganisation,
  generatePractice,
  organisationCount,
  practiceId,
  type GeneratedPractice,
} from './generator/generator';

const batchSize = 500;
const marker = (size: number) => `pathways-bench generator ${GENERATOR_VERSION}, ${size} practices, complete`;

export const benchDatabaseUrl = (adminUrl: string, size: number) => {
  const url = new URL(adminUrl);
  url.pathname = `/pathways_bench_${size}`;
  return url.toString();
};

async function withClient<T>(url: string, run: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Set-based insert of rows given column by column (one round trip per batch). */
const insert = (c: Client, table: string, columns: Record<string, string>, rows: unknown[][]) =>
  c.query(
    `insert into ${table} (${Object.keys(columns).join(', ')}) select * from unnest(${Object.values(columns)
      .map((type, i) => `$${i + 1}::${type}[]`)
      .join(', ')})`,
    Object.keys(columns).map((_, i) => rows.map((row) => row[i])),
  );

async function insertPractices(c: Client, practices: GeneratedPractice[]) {
  await insert(
    c,
    'practice',
    {
      id: 'uuid',
      slug: 'text',
      organisation_id: 'uuid',
      status: 'text',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    practices.map((p) => [p.id, p.slug, p.organisationId, p.status, p.createdAt, p.events.at(-1)!.createdAt]),
  );
  await insert(
    c,
    'practice_version',
    {
      id: 'uuid',
      practice_id: 'uuid',
      number: 'int',
      content: 'jsonb',
      submitted_at: 'timestamptz',
      created_at: 'timestamptz',
    },
    practices.flatMap((p) =>
      p.versions.map((v) => [v.id, p.id, v.number, JSON.stringify(v.content), v.createdAt, v.createdAt]),
    ),
  );
  await c.query(
    `update practice p set current_version_id = v.id from unnest($1::uuid[], $2::uuid[]) v(practice_id, id) where p.id = v.practice_id`,
    [practices.map((p) => p.id), practices.map((p) => p.versions.at(-1)!.id)],
  );
  const events = practices.flatMap((p) => {
    let prevHash: string | null = null;
    return p.events.map((e) => {
      const fields = { workflow: 'practice', entityType: 'Practice', entityId: p.id, actorId: null, ...e };
      const hash = eventHash(prevHash, fields);
      const row = [
        p.id,
        e.sequence,
        e.transition,
        e.fromState,
        e.toState,
        JSON.stringify(e.payload),
        e.createdAt,
        prevHash,
        hash,
      ];
      prevHash = hash;
      return row;
    });
  });
  await c.query(
    `insert into workflow_event (id, workflow, entity_type, entity_id, sequence, transition, from_state, to_state,
       payload, created_at, prev_hash, hash)
     select gen_random_uuid(), 'practice', 'Practice', e.* from unnest($1::uuid[], $2::int[], $3::text[], $4::text[],
       $5::text[], $6::jsonb[], $7::timestamptz[], $8::text[], $9::text[]) e`,
    Object.keys(events[0]).map((_, i) => events.map((row) => row[i])),
  );
}

/**
 * Creates `pathways_bench_<size>` with the project's migrations and loads `size` generated practices:
 * organisations, practices, versions and the publish events, then the library's read model through
 * the project's own `refreshLibraryEntry`, so every read-model row is what publishing would write.
 * A database already complete for this size and generator version is kept as it is.
 */
export async function loadBenchDatabase(adminUrl: string, size: number, log = console.log): Promise<string> {
  const name = `pathways_bench_${size}`;
  const url = benchDatabaseUrl(adminUrl, size);
  const current = await withClient(adminUrl, (c) =>
    c.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [name],
    ),
  );
  if (current.rows[0]?.comment === marker(size)) {
    log(`${name}: already holds ${size} practices of generator ${GENERATOR_VERSION}; not reloaded`);
    await migrate(url);
    return url;
  }
  await withClient(adminUrl, async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}"`);
  });
  await migrate(url);

  const started = Date.now();
  await withClient(url, async (c) => {
    await insert(
      c,
      'taxonomy_term',
      { id: 'uuid', vocabulary: 'text', code: 'text', label: 'jsonb', position: 'int' },
      seedTaxonomy.map((t) => [
        crypto.randomUUID(),
        t.vocabulary,
        t.code,
        JSON.stringify(t.label),
        t.position,
      ]),
    );
    const organisations = Array.from({ length: organisationCount(size) }, (_, i) => generateOrganisation(i));
    await c.query(
      `insert into organisation (id, name, kind, country, status, verified_at, created_at, updated_at)
       select o.*, 'verified', now(), now(), now() from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) o`,
      [
        organisations.map((o) => o.id),
        organisations.map((o) => o.name),
        organisations.map((o) => o.kind),
        organisations.map((o) => o.country),
      ],
    );
    const bar = new SingleBar(
      { format: 'practices {bar} {value}/{total} {eta_formatted}' },
      Presets.shades_classic,
    );
    bar.start(size, 0);
    for (let from = 0; from < size; from += batchSize) {
      const practices = Array.from({ length: Math.min(batchSize, size - from) }, (_, i) =>
        generatePractice(from + i, size),
      );
      await insertPractices(c, practices);
      bar.update(from + practices.length);
    }
    bar.stop();
  });
  log(`${name}: practices written in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const refreshed = Date.now();
  // Each refresh is a handful of short round trips, so several at once keep both cores busy.
  const concurrency = Number(process.env['BENCH_LOAD_CONCURRENCY'] ?? 6);
  const orm = await MikroORM.init(ormConfig({ databaseUrl: url, poolMax: concurrency + 1 }));
  try {
    const bar = new SingleBar(
      { format: 'library   {bar} {value}/{total} {eta_formatted}' },
      Presets.shades_classic,
    );
    bar.start(size, 0);
    let next = 0;
    let done = 0;
    const worker = async () => {
      const em = orm.em.fork();
      while (next < size) {
        const index = next++;
        await refreshLibraryEntry(em, practiceId(index));
        em.clear();
        if (++done % 200 === 0) bar.update(done);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    bar.update(size);
    bar.stop();
  } finally {
    await orm.close();
  }
  log(`${name}: library read model refreshed in ${((Date.now() - refreshed) / 1000).toFixed(0)} s`);
  await withClient(url, (c) => c.query('vacuum analyze'));
  await withClient(adminUrl, (c) => c.query(`comment on database "${name}" is '${marker(size)}'`));
  return url;
}

import type { QueryResult } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import countries from 'i18n-iso-countries';
import { diffPracticeContent, type PracticeContent } from '@pathways/contracts';
import { regionsOf } from './country-regions';
import { corridorsOf } from './corridors';
import { bumpLibraryGeneration } from './library-generation';
import { type PublicationEvent, type PublicationHistory, publicationHistory } from './publication-history';
import {
  decidingTransitions,
  type ReviewEvent,
  reviewDecisions,
  submittingTransition,
} from './review-decisions';

/** The text search configuration of each content language (unaccent, then the language's stemmer). */
export const librarySearchConfigurations = { en: 'library_en', es: 'library_es', fr: 'library_fr' } as const;

/** Country names in the three interface languages, so "Philippines" or "Filipinas" find PH. */
function countryNames(codes: string[]): string {
  return codes
    .flatMap((code) => (['en', 'es', 'fr'] as const).map((l) => countries.getName(code, l) ?? ''))
    .join(' ');
}

// Body fields, lowest search weight but all searchable.
const bodyText = `concat_ws(' ', v.content->>'problem', v.content->>'description', v.content->>'outcomes',
  v.content->>'evidence', v.content->>'lessons', v.content->>'replicability', v.content->>'sustainability',
  (select string_agg(x, ' ') from jsonb_array_elements_text(coalesce(v.content->'partners', '[]')) x),
  (select string_agg(i->>'indicator', ' ') from jsonb_array_elements(coalesce(v.content->'indicators', '[]')) i))`;

const textArray = (field: string) =>
  `coalesce(array(select jsonb_array_elements_text(coalesce(v.content->'${field}', '[]'))), '{}')`;

// Parameters: the publication (time, retraction time and notice), the version number, the practice
// id, country names, then the M49 regions as an array literal. Taxonomy labels (all languages) and
// names weigh least (D). `refreshed_at` moves only when what the public reads changes, so caches
// keyed on it survive a re-delivered job.
const upsert = `
with source as (
  select p.id, p.slug, v.number, v.content, o.name as organisation_name, o.kind as organisation_kind,
    o.country as organisation_country, pl.slug as pilot_slug, pl.content->>'title' as pilot_title,
    coalesce(nullif(v.content->>'language', ''), 'en') as language,
    coalesce(v.content->>'title', '') as title, coalesce(v.content->>'summary', '') as summary,
    ${bodyText} as body,
    ${textArray('themes')} as themes, ${textArray('stages')} as stages,
    ${textArray('targetGroups')} as target_groups, ${textArray('frameworks')} as frameworks,
    coalesce(v.content->'countries', '[]'::jsonb) as countries,
    ?::timestamptz as published_at, ?::timestamptz as retracted_at, ?::text as retraction_notice
  from practice p
  join practice_version v on v.practice_id = p.id and v.number = ?
  join organisation o on o.id = p.organisation_id
  -- The pilot it grew out of, only once that pilot is public (it was active once).
  left join pilot pl on pl.id = p.pilot_id and pl.activated_at is not null
  where p.id = ?
), prepared as (
  select s.*, ('public.library_' || s.language)::regconfig as cfg,
    concat_ws(' ', s.organisation_name, ?::text,
      (select string_agg(concat_ws(' ', t.label->>'en', t.label->>'es', t.label->>'fr'), ' ') from taxonomy_term t
        where t.code = any(s.themes || s.stages || s.target_groups || s.frameworks))) as extra
  from source s
)
insert into library_practice (id, slug, version_number, title, summary, organisation_name, organisation_kind,
  organisation_country, language, themes, stages, target_groups, frameworks, countries, country_codes, roles,
  regions, corridors, year, published_at, retracted, retracted_at, retraction_notice, content, search, rank_vector,
  pilot_slug, pilot_title, refreshed_at)
select id, slug, number, title, summary, organisation_name, organisation_kind, organisation_country, language,
  themes, stages, target_groups, frameworks, countries,
  coalesce(array(select distinct c->>'code' from jsonb_array_elements(countries) c), '{}'),
  coalesce(array(select distinct c->>'role' from jsonb_array_elements(countries) c), '{}'),
  ?::text[], ${corridorsOf('countries')},
  coalesce(substring(content->'period'->>'start' from 1 for 4)::int, extract(year from published_at)::int),
  published_at, retracted_at is not null, retracted_at, retraction_notice, content,
  setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, summary), 'B')
    || setweight(to_tsvector(cfg, body), 'C') || setweight(to_tsvector(cfg, extra), 'D'),
  setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, summary), 'B'),
  pilot_slug, pilot_title, now()
from prepared
on conflict (id) do update set slug = excluded.slug, version_number = excluded.version_number,
  title = excluded.title, summary = excluded.summary, organisation_name = excluded.organisation_name,
  organisation_kind = excluded.organisation_kind, organisation_country = excluded.organisation_country,
  language = excluded.language, themes = excluded.themes, stages = excluded.stages,
  target_groups = excluded.target_groups, frameworks = excluded.frameworks, countries = excluded.countries,
  country_codes = excluded.country_codes, roles = excluded.roles, regions = excluded.regions,
  corridors = excluded.corridors, year = excluded.year,
  published_at = excluded.published_at, retracted = excluded.retracted, retracted_at = excluded.retracted_at,
  retraction_notice = excluded.retraction_notice, content = excluded.content,
  search = excluded.search, rank_vector = excluded.rank_vector,
  pilot_slug = excluded.pilot_slug, pilot_title = excluded.pilot_title,
  refreshed_at = case when (library_practice.slug, library_practice.version_number, library_practice.content,
      library_practice.organisation_name, library_practice.organisation_kind, library_practice.organisation_country,
      library_practice.published_at, library_practice.retracted_at, library_practice.retraction_notice,
      library_practice.pilot_slug, library_practice.pilot_title)
    is not distinct from (excluded.slug, excluded.version_number, excluded.content, excluded.organisation_name,
      excluded.organisation_kind, excluded.organisation_country, excluded.published_at, excluded.retracted_at,
      excluded.retraction_notice, excluded.pilot_slug, excluded.pilot_title)
    then library_practice.refreshed_at else excluded.refreshed_at end
returning title, summary, refreshed_at = now() as changed`;

// Parameters: the practice id, then the versions as a JSON array. A version's row never changes once
// written (its content is immutable, and so is the one published before it), but a rebuild may redo it.
const upsertVersions = `
insert into library_practice_version (practice_id, number, title, language, content, published_at,
  previous_number, changed_fields, changes)
select ?, r.number, coalesce(r.content->>'title', ''), coalesce(nullif(r.content->>'language', ''), 'en'),
  r.content, r.published_at, r.previous_number,
  array(select jsonb_array_elements_text(r.changed_fields)), r.changes
from jsonb_to_recordset(?::jsonb) as r(number int, content jsonb, published_at timestamptz,
  previous_number int, changed_fields jsonb, changes jsonb)
on conflict (practice_id, number) do update set title = excluded.title, language = excluded.language,
  content = excluded.content, published_at = excluded.published_at,
  previous_number = excluded.previous_number, changed_fields = excluded.changed_fields,
  changes = excluded.changes,
  refreshed_at = case when (library_practice_version.content, library_practice_version.published_at,
      library_practice_version.previous_number, library_practice_version.changes)
    is not distinct from (excluded.content, excluded.published_at, excluded.previous_number, excluded.changes)
    then library_practice_version.refreshed_at else excluded.refreshed_at end
returning refreshed_at = now() as changed`;

// The words of titles, summaries and country names feed "did you mean"; they are never removed.
const words = `
insert into library_word (word)
select distinct btrim(w, '-') from regexp_split_to_table(lower(public.immutable_unaccent(?::text)), '[^[:alnum:]-]+') w
where length(btrim(w, '-')) between 3 and 40
on conflict do nothing`;

export type LibraryEntryOutcome = 'listed' | 'retracted' | 'removed';

// What the log says about the library, and nothing else of the workflow.
const publicationEvents = `
select sequence, to_state as "toState", created_at as "createdAt", payload from workflow_event
where entity_type = 'Practice' and entity_id = ? and to_state in ('published', 'retracted')
order by sequence`;

interface VersionRow {
  number: number;
  content: PracticeContent;
}

/** Each published version with what changed since the one published before it. */
function versionRows(history: PublicationHistory, contents: Map<number, PracticeContent>) {
  let previous: VersionRow | null = null;
  const rows = [];
  for (const { number, publishedAt } of history.versions) {
    const content = contents.get(number);
    if (!content) continue;
    const changes = previous ? diffPracticeContent(previous.content, content) : [];
    rows.push({
      number,
      content,
      published_at: publishedAt.toISOString(),
      previous_number: previous?.number ?? null,
      changed_fields: changes.map((c) => c.field),
      changes,
    });
    previous = { number, content };
  }
  return rows;
}

const reviewTransitions = [submittingTransition, ...Object.keys(decidingTransitions)];

// Parameters: the practice id, the kept decisions' sequences, the practice id, then the decisions as JSON.
// A decision's row never changes once written (the log is append-only), so its refresh time stands.
const replaceDecisions = `
with gone as (
  delete from library_review_decision where practice_id = ? and not (sequence = any(?::int[]))
)
insert into library_review_decision (practice_id, sequence, submitted_at, decided_at, outcome)
select ?, r.sequence, r.submitted_at, r.decided_at, r.outcome
from jsonb_to_recordset(?::jsonb) as r(sequence int, submitted_at timestamptz, decided_at timestamptz, outcome text)
on conflict (practice_id, sequence) do update set submitted_at = excluded.submitted_at,
  decided_at = excluded.decided_at, outcome = excluded.outcome,
  refreshed_at = case when (library_review_decision.submitted_at, library_review_decision.decided_at,
      library_review_decision.outcome) is not distinct from (excluded.submitted_at, excluded.decided_at, excluded.outcome)
    then library_review_decision.refreshed_at else excluded.refreshed_at end`;

/**
 * Brings the library's review figures for one practice in line with its log: every editorial
 * decision, published or not (a rejected practice never reaches the library, yet counts in the
 * share accepted), with its dates and outcome only. Idempotent.
 */
export async function refreshReviewDecisions(em: EntityManager, practiceId: string): Promise<number> {
  const events = await em.execute<ReviewEvent[]>(
    `select sequence, transition, created_at as "createdAt" from workflow_event
     where entity_type = 'Practice' and entity_id = ? and transition = any(?::text[]) order by sequence`,
    [practiceId, `{${reviewTransitions.join(',')}}`],
  );
  const decisions = reviewDecisions(events.map((e) => ({ ...e, createdAt: new Date(e.createdAt) })));
  await em.execute(
    replaceDecisions,
    [
      practiceId,
      `{${decisions.map((d) => d.sequence).join(',')}}`,
      practiceId,
      JSON.stringify(
        decisions.map((d) => ({
          sequence: d.sequence,
          submitted_at: d.submittedAt.toISOString(),
          decided_at: d.decidedAt.toISOString(),
          outcome: d.outcome,
        })),
      ),
    ],
    'run',
  );
  return decisions.length;
}

async function remove(tx: EntityManager, practiceId: string): Promise<'removed'> {
  const { affectedRows } = await tx.execute<QueryResult>(
    `delete from library_practice where id = ?`,
    [practiceId],
    'run',
  );
  if (affectedRows > 0) await bumpLibraryGeneration(tx);
  return 'removed';
}

/**
 * Brings the library's rows of one practice in line with its workflow log: a practice is in the
 * library once it has been published, showing the version its latest publication named, and marked
 * retracted (with the retraction's comment as the notice) when a retraction came after that. Every
 * published version gets a row for its permanent page, and its review decisions their rows. Idempotent, so a re-delivered publishing job
 * does no harm; concurrent refreshes of one practice take turns.
 */
export async function refreshLibraryEntry(
  em: EntityManager,
  practiceId: string,
): Promise<LibraryEntryOutcome> {
  return em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('library_practice:' || ?))`, [practiceId]);
    await refreshReviewDecisions(tx, practiceId);
    const events = await tx.execute<PublicationEvent[]>(publicationEvents, [practiceId]);
    const history = publicationHistory(events.map((e) => ({ ...e, createdAt: new Date(e.createdAt) })));
    if (!history) return remove(tx, practiceId);
    const stored = await tx.execute<VersionRow[]>(
      `select number, content from practice_version where practice_id = ? and number = any(?::int[])`,
      [practiceId, `{${history.versions.map((v) => v.number).join(',')}}`],
    );
    const contents = new Map(stored.map((v) => [v.number, v.content]));
    const listed = contents.get(history.listed.number);
    if (!listed) return remove(tx, practiceId);

    const codes = (listed.countries ?? []).map((c) => c.code);
    const names = countryNames(codes);
    // Region codes are three digits, so the array literal needs no quoting.
    const regions = `{${regionsOf(codes).join(',')}}`;
    const { retraction } = history;
    const rows = await tx.execute<{ title: string; summary: string; changed: boolean }[]>(upsert, [
      history.listed.publishedAt,
      retraction?.at ?? null,
      retraction?.notice ?? null,
      history.listed.number,
      practiceId,
      names,
      regions,
    ]);
    if (!rows[0]) return remove(tx, practiceId);
    const versions = versionRows(history, contents);
    const dropped = await tx.execute<QueryResult>(
      `delete from library_practice_version where practice_id = ? and not (number = any(?::int[]))`,
      [practiceId, `{${versions.map((v) => v.number).join(',')}}`],
      'run',
    );
    const kept = await tx.execute<{ changed: boolean }[]>(upsertVersions, [
      practiceId,
      JSON.stringify(versions),
    ]);
    await tx.execute(words, [`${rows[0].title} ${rows[0].summary} ${names}`], 'run');
    // A re-delivered job changes nothing, and then caches keyed on the generation stay valid.
    if (rows[0].changed || dropped.affectedRows > 0 || kept.some((v) => v.changed)) {
      await bumpLibraryGeneration(tx);
    }
    return retraction ? 'retracted' : 'listed';
  });
}

// Practices the log says were published at least once.
const everPublished = `select distinct entity_id as id from workflow_event
  where entity_type = 'Practice' and to_state = 'published'`;

// Practices the log says were decided on at least once.
const everDecided = `select distinct entity_id as id from workflow_event
  where entity_type = 'Practice' and transition = any(?::text[])`;

/**
 * Rebuilds the whole read model from the workflow log: every practice ever published is refreshed
 * and rows of any other are dropped; so are the review decisions of every practice decided on. For a
 * database whose practices were published before the library existed, or after a change to how rows
 * are built. It ends with a bump of the generation whatever happened, since a change of how rows are
 * built (or of taxonomy labels in the search vectors) leaves `refreshed_at` alone.
 */
export async function rebuildLibrary(em: EntityManager): Promise<Record<LibraryEntryOutcome, number>> {
  const counts: Record<LibraryEntryOutcome, number> = { listed: 0, retracted: 0, removed: 0 };
  await em.transactional(async (tx) => {
    const { affectedRows } = await tx.execute<QueryResult>(
      `delete from library_practice where id not in (${everPublished})`,
      [],
      'run',
    );
    if (affectedRows > 0) await bumpLibraryGeneration(tx);
  });
  const practices = await em.execute<{ id: string }[]>(
    `select p.id from practice p where p.id in (${everPublished}) order by p.id`,
  );
  for (const { id } of practices) counts[await refreshLibraryEntry(em, id)] += 1;
  // Decided but never published (rejected, or accepted and waiting): their figures only.
  const deciding = `{${Object.keys(decidingTransitions).join(',')}}`;
  await em.execute(
    `delete from library_review_decision where practice_id not in (${everDecided})`,
    [deciding],
    'run',
  );
  const decided = await em.execute<{ id: string }[]>(
    `select id from (${everDecided}) d where id not in (${everPublished}) order by id`,
    [deciding],
  );
  for (const { id } of decided) await refreshReviewDecisions(em, id);
  await em.transactional((tx) => bumpLibraryGeneration(tx));
  return counts;
}

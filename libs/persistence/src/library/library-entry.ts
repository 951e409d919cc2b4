import type { EntityManager } from '@mikro-orm/postgresql';
import countries from 'i18n-iso-countries';
import { regionsOf } from './country-regions';

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

// Parameters: the practice id, country names, then the M49 regions as an array literal. Taxonomy labels (all languages) and names weigh least (D).
const upsert = `
with source as (
  select p.id, p.slug, p.status, v.number, v.content, o.name as organisation_name, o.kind as organisation_kind,
    o.country as organisation_country,
    coalesce(nullif(v.content->>'language', ''), 'en') as language,
    coalesce(v.content->>'title', '') as title, coalesce(v.content->>'summary', '') as summary,
    ${bodyText} as body,
    ${textArray('themes')} as themes, ${textArray('stages')} as stages,
    ${textArray('targetGroups')} as target_groups, ${textArray('frameworks')} as frameworks,
    coalesce(v.content->'countries', '[]'::jsonb) as countries,
    coalesce((select max(e.created_at) from workflow_event e
      where e.entity_type = 'Practice' and e.entity_id = p.id and e.to_state = 'published'), now()) as published_at
  from practice p
  join practice_version v on v.id = p.current_version_id
  join organisation o on o.id = p.organisation_id
  where p.id = ? and p.status in ('published', 'retracted')
), prepared as (
  select s.*, ('public.library_' || s.language)::regconfig as cfg,
    concat_ws(' ', s.organisation_name, ?::text,
      (select string_agg(concat_ws(' ', t.label->>'en', t.label->>'es', t.label->>'fr'), ' ') from taxonomy_term t
        where t.code = any(s.themes || s.stages || s.target_groups || s.frameworks))) as extra
  from source s
)
insert into library_practice (id, slug, version_number, title, summary, organisation_name, organisation_kind,
  organisation_country, language, themes, stages, target_groups, frameworks, countries, country_codes, roles,
  regions, year, published_at, retracted, content, search, rank_vector, refreshed_at)
select id, slug, number, title, summary, organisation_name, organisation_kind, organisation_country, language,
  themes, stages, target_groups, frameworks, countries,
  coalesce(array(select distinct c->>'code' from jsonb_array_elements(countries) c), '{}'),
  coalesce(array(select distinct c->>'role' from jsonb_array_elements(countries) c), '{}'),
  ?::text[],
  coalesce(substring(content->'period'->>'start' from 1 for 4)::int, extract(year from published_at)::int),
  published_at, status = 'retracted', content,
  setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, summary), 'B')
    || setweight(to_tsvector(cfg, body), 'C') || setweight(to_tsvector(cfg, extra), 'D'),
  setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, summary), 'B'),
  now()
from prepared
on conflict (id) do update set slug = excluded.slug, version_number = excluded.version_number,
  title = excluded.title, summary = excluded.summary, organisation_name = excluded.organisation_name,
  organisation_kind = excluded.organisation_kind, organisation_country = excluded.organisation_country,
  language = excluded.language, themes = excluded.themes, stages = excluded.stages,
  target_groups = excluded.target_groups, frameworks = excluded.frameworks, countries = excluded.countries,
  country_codes = excluded.country_codes, roles = excluded.roles, regions = excluded.regions, year = excluded.year,
  published_at = excluded.published_at, retracted = excluded.retracted, content = excluded.content,
  search = excluded.search, rank_vector = excluded.rank_vector, refreshed_at = excluded.refreshed_at
returning title, summary`;

// The words of titles, summaries and country names feed "did you mean"; they are never removed.
const words = `
insert into library_word (word)
select distinct btrim(w, '-') from regexp_split_to_table(lower(public.immutable_unaccent(?::text)), '[^[:alnum:]-]+') w
where length(btrim(w, '-')) between 3 and 40
on conflict do nothing`;

export type LibraryEntryOutcome = 'listed' | 'retracted' | 'removed';

/**
 * Brings the library's row of one practice in line with the practice: its current version when
 * published, the same marked retracted when retracted, no row otherwise. Idempotent, so a
 * re-delivered publishing job does no harm.
 */
export async function refreshLibraryEntry(
  em: EntityManager,
  practiceId: string,
): Promise<LibraryEntryOutcome> {
  return em.transactional(async (tx) => {
    const [practice] = await tx.execute<{ status: string; codes: string[] | null }[]>(
      `select p.status, array(select jsonb_array_elements(coalesce(v.content->'countries', '[]')) ->> 'code') as codes
       from practice p left join practice_version v on v.id = p.current_version_id where p.id = ?`,
      [practiceId],
    );
    if (!practice || !['published', 'retracted'].includes(practice.status)) {
      await tx.execute(`delete from library_practice where id = ?`, [practiceId], 'run');
      return 'removed';
    }
    const names = countryNames(practice.codes ?? []);
    // Region codes are three digits, so the array literal needs no quoting.
    const regions = `{${regionsOf(practice.codes ?? []).join(',')}}`;
    const rows = await tx.execute<{ title: string; summary: string }[]>(upsert, [practiceId, names, regions]);
    if (rows[0]) {
      await tx.execute(words, [`${rows[0].title} ${rows[0].summary} ${names}`], 'run');
    }
    return practice.status === 'published' ? 'listed' : 'retracted';
  });
}

/**
 * Rebuilds the whole read model from the practices: every published or retracted practice is
 * refreshed and rows of any other are dropped. For a database whose practices were published before
 * the library existed, or after a change to how rows are built.
 */
export async function rebuildLibrary(em: EntityManager): Promise<Record<LibraryEntryOutcome, number>> {
  const counts: Record<LibraryEntryOutcome, number> = { listed: 0, retracted: 0, removed: 0 };
  await em.execute(
    `delete from library_practice l where not exists
       (select 1 from practice p where p.id = l.id and p.status in ('published', 'retracted'))`,
    [],
    'run',
  );
  const practices = await em.execute<{ id: string }[]>(
    `select id from practice where status in ('published', 'retracted') order by id`,
  );
  for (const { id } of practices) counts[await refreshLibraryEntry(em, id)] += 1;
  return counts;
}

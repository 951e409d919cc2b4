import type { FacetName, LibrarySearchQuery } from '@pathways/contracts';
import { librarySearchConfigurations } from '@pathways/persistence';
import { headlineMarkers, headlineOptions } from './highlight';

/**
 * The one statement behind a library search: the match set is materialised once, then the page,
 * the total and every facet's counts are read from it. User input only ever travels as parameters;
 * the SQL text is assembled from fixed fragments chosen by validated enums.
 */
export interface LibrarySearchStatement {
  sql: string;
  params: unknown[];
}

/** Array columns filtered by overlap (any of the chosen values) and counted per element. */
const arrayFacets = {
  theme: 'themes',
  stage: 'stages',
  country: 'country_codes',
  region: 'regions',
  role: 'roles',
  targetGroup: 'target_groups',
  framework: 'frameworks',
} as const satisfies Partial<Record<FacetName, string>>;

const orderings = {
  relevance: 'rank desc, published_at desc, id',
  newest: 'published_at desc, id',
  oldest: 'published_at asc, id',
  title: 'sort_title asc, id',
} as const;

const languages = Object.keys(librarySearchConfigurations) as (keyof typeof librarySearchConfigurations)[];

/**
 * Each practice is indexed with its own language's configuration, so it is matched against the
 * words parsed with that same configuration: one tsquery per language (stemming and negation stay
 * right), and one index-friendly condition per language, OR'ed.
 */
const queries = languages
  .map((l) => `websearch_to_tsquery('public.${librarySearchConfigurations[l]}'::regconfig, t.q) as ${l}`)
  .join(', ');
const queryOfRow = `(case l.language ${languages.map((l) => `when '${l}' then q.${l}`).join(' ')} end)`;
const matches = (chosen: LibrarySearchQuery['language']) =>
  `(${(chosen ? [chosen] : languages).map((l) => `(l.language = '${l}' and l.search @@ q.${l})`).join(' or ')})`;

/** The filters an export or a feed shares with a search: everything but paging and sorting. */
export type LibraryFilter = Omit<LibrarySearchQuery, 'page' | 'pageSize' | 'sort'>;

/** Numbers parameters while fragments are built; `positional` turns them into knex's `?`. */
export function parameters() {
  const params: unknown[] = [];
  return { params, bind: (value: unknown) => `$${params.push(value)}` };
}

/**
 * What decides whether a practice matches: the `q` CTE (the words parsed once per language, joined
 * as `q`) and the conditions on `library_practice l`. Shared by searches, exports and feeds so they
 * can never disagree about what matches.
 */
export function libraryMatch(
  filter: LibraryFilter,
  words: string | undefined,
  bind: (value: unknown) => string,
): { q: string; where: string[] } {
  const where: string[] = [];
  if (words) where.push(matches(filter.language));
  for (const [facet, column] of Object.entries(arrayFacets) as [keyof typeof arrayFacets, string][]) {
    const values = filter[facet];
    if (values.length) where.push(`l.${column} && ${bind(values)}::text[]`);
  }
  if (filter.organisationKind.length)
    where.push(`l.organisation_kind = any(${bind(filter.organisationKind)}::text[])`);
  if (filter.year.length) where.push(`l.year = any(${bind(filter.year)}::int[])`);
  if (filter.language) where.push(`l.language = ${bind(filter.language)}`);
  const q = words
    ? `q as (select ${queries} from (select ${bind(words)}::text as q) t)`
    : `q as (select ${languages.map((l) => `null::tsquery as ${l}`).join(', ')})`;
  return { q, where };
}

export const whereClause = (where: string[]) => (where.length ? `where ${where.join('\n    and ')}` : '');

/**
 * Bounds on the work of one search, whatever the number of matches (issue 4: broad words match
 * half the library). Relevance ranks at most `rankedCandidates` matches, the newest (more when a
 * later page asks for them); facets are counted over the first `facetSample` matches and scaled
 * by the service, which then says the counts are estimates. The total is always exact.
 */
export const searchBounds = { rankedCandidates: 1000, facetSample: 1500 } as const;

export function librarySearchStatement(
  query: LibrarySearchQuery,
  words: string | undefined,
  bounds: { rankedCandidates: number; facetSample: number } = searchBounds,
): LibrarySearchStatement {
  const { params, bind } = parameters();
  const hasText = !!words;
  const { q, where } = libraryMatch(query, words, bind);

  const sort = query.sort === 'relevance' && !hasText ? 'newest' : query.sort;
  const limit = bind(query.pageSize);
  const offset = bind((query.page - 1) * query.pageSize);

  // The page's ids in order: ranked among the candidates, or straight from the match set.
  const page =
    sort === 'relevance'
      ? `candidates as (
  select c.id, c.published_at, ts_rank_cd(l.rank_vector, ${queryOfRow}) as rank
  from (select id, published_at from matched order by published_at desc, id
    limit greatest(${bind(bounds.rankedCandidates)}::int, ${offset}::int + ${limit}::int)) c
  join library_practice l on l.id = c.id, q
),
page as (
  select id, row_number() over () as n
  from (select id from candidates order by ${orderings.relevance} limit ${limit} offset ${offset}) ordered
)`
      : `page as (
  select id, row_number() over () as n
  from (select id from matched order by ${orderings[sort]} limit ${limit} offset ${offset}) ordered
)`;

  // Every facet at once: one unnest of `facet:value` keys over (a sample of) the match set.
  const facetCounts = `select split_part(k, ':', 1) as facet, substr(k, strpos(k, ':') + 1) as value, count(*)::int as count
    from matched, unnest(matched.facet_keys) k group by k`;

  const headline = (column: string) =>
    hasText
      ? `ts_headline(('public.library_' || l.language)::regconfig, translate(l.${column}, ${bind(headlineMarkers)}, ''), ${queryOfRow}, ${bind(headlineOptions)})`
      : `l.${column}`;
  const items = `select p.n, l.id, l.slug, ${headline('title')} as title, ${headline('summary')} as summary,
      l.organisation_name, l.organisation_kind, l.countries, l.themes, l.year, l.language, l.version_number,
      l.published_at, l.retracted
    from page p join library_practice l on l.id = p.id, q`;

  const sql = `with ${q},
matched as materialized (
  select l.id, l.published_at${sort === 'title' ? ', lower(l.title) as sort_title' : ''},
    -- The facet sample: only the first rows keep their keys, so a huge match set stays small.
    case when row_number() over () <= ${bind(bounds.facetSample)} then l.facet_keys end as facet_keys
  from library_practice l, q
  ${whereClause(where)}
),
${page}
select
  (select count(*)::int from matched) as total,
  (select count(facet_keys)::int from matched) as sampled,
  (select coalesce(json_agg(f), '[]') from (
    ${facetCounts}
  ) f) as facets,
  (select coalesce(json_agg(h order by h.n), '[]') from (
    ${items}
  ) h) as items`;
  return positional(sql, params);
}

/** `$n` placeholders (only ever ours: no input is in the text) to `?` with parameters in text order. */
export function positional(sql: string, params: unknown[]): LibrarySearchStatement {
  const ordered: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    ordered.push(params[Number(n) - 1]);
    return '?';
  });
  return { sql: text, params: ordered };
}

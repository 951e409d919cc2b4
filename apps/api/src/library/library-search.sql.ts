import { facetNames, type LibrarySearchQuery } from '@pathways/contracts';
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

const orderings = {
  relevance: 'rank desc, published_at desc, id desc',
  // Both directions of the `library_match (published_at desc, id desc)` index, so a page with no
  // conditions is read from it.
  newest: 'published_at desc, id desc',
  oldest: 'published_at asc, id asc',
  title: 'sort_title asc, id',
} as const;

const languages = Object.keys(librarySearchConfigurations) as (keyof typeof librarySearchConfigurations)[];

/**
 * Each practice is indexed with its own language's configuration, so it is matched against the
 * words parsed with that same configuration: one tsquery per language (stemming and negation stay
 * right), and one index-friendly condition per language, OR'ed. The conditions parse the words in
 * place, so the planner folds each tsquery to a constant of its index scan; the `q` CTE holds them
 * for ranking and highlighting.
 */
const parsed = (l: keyof typeof librarySearchConfigurations, words: string) =>
  `websearch_to_tsquery('public.${librarySearchConfigurations[l]}'::regconfig, ${words})`;
const queryOfRow = `(case l.language ${languages.map((l) => `when '${l}' then q.${l}`).join(' ')} end)`;
const matches = (chosen: LibrarySearchQuery['language'], words: string) =>
  `(${(chosen ? [chosen] : languages).map((l) => `(l.language = '${l}' and l.search @@ ${parsed(l, words)})`).join(' or ')})`;

/** The filters an export or a feed shares with a search: everything but paging and sorting. */
export type LibraryFilter = Omit<LibrarySearchQuery, 'page' | 'pageSize' | 'sort'>;

/** Numbers parameters while fragments are built; `positional` turns them into knex's `?`. */
export function parameters() {
  const params: unknown[] = [];
  return { params, bind: (value: unknown) => `$${params.push(value)}` };
}

/**
 * What decides whether a practice matches: the `q` CTE (the words parsed once per language, joined
 * as `q`) and the conditions on `l`, which is `library_match` or `library_practice` (both hold the
 * columns matched on). Shared by searches, exports and feeds so they can never disagree.
 */
export function libraryMatch(
  filter: LibraryFilter,
  words: string | undefined,
  bind: (value: unknown) => string,
): { q: string; where: string[] } {
  const where: string[] = [];
  const text = words ? `${bind(words)}::text` : undefined;
  if (text) where.push(matches(filter.language, text));
  // Every facet filters through `facet_keys` (`facet:value`): any of its chosen values, and every facet.
  for (const facet of facetNames) {
    const values: readonly (string | number)[] = filter[facet];
    if (values.length) where.push(`l.facet_keys && ${bind(values.map((v) => `${facet}:${v}`))}::text[]`);
  }
  if (filter.language) where.push(`l.language = ${bind(filter.language)}`);
  const q = text
    ? `q as (select ${languages.map((l) => `${parsed(l, text)} as ${l}`).join(', ')})`
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
  // The parsed words are joined only where they are used: a bare scan stays a bare scan.
  const withWords = hasText ? ', q' : '';
  const limit = bind(query.pageSize);
  const offset = bind((query.page - 1) * query.pageSize);

  // The page's ids in order: ranked among the candidates, or straight from the match set.
  const page =
    sort === 'relevance'
      ? `candidates as (
  select c.id, c.published_at, ts_rank_cd(l.rank_vector, ${queryOfRow}) as rank
  from (select id, published_at from matched order by ${orderings.newest}
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
    from (select unnest(facet_keys) as k from sample) keys group by k`;

  const headline = (column: string) =>
    hasText
      ? `ts_headline(('public.library_' || l.language)::regconfig, translate(l.${column}, ${bind(headlineMarkers)}, ''), ${queryOfRow}, ${bind(headlineOptions)})`
      : `l.${column}`;
  const items = `select p.n, l.id, l.slug, ${headline('title')} as title, ${headline('summary')} as summary,
      l.organisation_name, l.organisation_kind, l.countries, l.themes, l.year, l.language, l.version_number,
      l.published_at, l.retracted
    from page p join library_practice l on l.id = p.id${withWords}`;

  // With conditions the match set is read once through the indexes and kept; with none it is the
  // whole library, and inlining it lets the page come from an ordering index and the count stay bare.
  const sql = `with ${q},
matched as ${where.length ? '' : 'not '}materialized (
  select l.id, l.published_at${sort === 'title' ? ', l.sort_title' : ''}
  from library_match l
  ${whereClause(where)}
),
-- The facet sample: the first matches, so a huge match set is never all counted. With words it is
-- looked up from the match set, as re-testing a phrase re-reads each match's vector.
sample as materialized (
  ${
    hasText
      ? `select l.facet_keys from (select id from matched limit ${bind(bounds.facetSample)}) s
  join library_match l on l.id = s.id`
      : `select l.facet_keys from library_match l
  ${whereClause(where)}
  limit ${bind(bounds.facetSample)}`
  }
),
${page}
select
  (select count(*)::int from matched) as total,
  (select count(*)::int from sample) as sampled,
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

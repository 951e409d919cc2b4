import { type LibraryStatisticsQuery, libraryCorridorLimit } from '@pathways/contracts';
import {
  type LibrarySearchStatement,
  libraryMatch,
  parameters,
  positional,
  whereClause,
} from './library-search.sql';

/** Array columns counted per element, by the name the statistics give them. */
const counted = { theme: 'themes', stage: 'stages', region: 'regions' } as const;

/**
 * The one statement behind the statistics: the practices matching the filters (the same match as a
 * search, so the two never disagree) are materialised once and counted every way from there; the
 * review figures come from the decisions table, which filters do not narrow.
 */
export function libraryStatisticsStatement(query: LibraryStatisticsQuery): LibrarySearchStatement {
  const { params, bind } = parameters();
  const { q, where } = libraryMatch({ ...query, q: undefined, language: undefined }, undefined, bind);
  const counts = [
    ...Object.entries(counted).map(
      ([name, column]) =>
        `select '${name}' as facet, v as value, count(*)::int as count from matched, unnest(${column}) v group by v`,
    ),
    `select 'year', year::text, count(*)::int from matched where year is not null group by year`,
  ].join('\n    union all ');

  const sql = `with ${q},
matched as materialized (
  select l.id, l.themes, l.stages, l.regions, l.corridors, l.year, l.retracted
  from library_practice l
  ${whereClause(where)}
),
corridor as (
  select split_part(v, '>', 1) as origin, split_part(v, '>', 2) as destination, count(*)::int as count
  from matched, unnest(corridors) v
  group by v
  order by count desc, v
  limit ${bind(libraryCorridorLimit)}
)
select
  (select count(*)::int from matched) as total,
  (select count(*) filter (where retracted)::int from matched) as retracted,
  (select coalesce(json_agg(f), '[]') from (
    ${counts}
  ) f) as counts,
  (select coalesce(json_agg(c order by c.count desc, c.origin, c.destination), '[]') from corridor c) as corridors,
  (select json_build_object(
      'decisions', count(*)::int,
      'accepted', count(*) filter (where outcome = 'accepted')::int,
      'medianDays', round((percentile_cont(0.5) within group (
        order by extract(epoch from decided_at - submitted_at) / 86400))::numeric, 1))
    from library_review_decision) as review,
  greatest((select max(refreshed_at) from library_practice),
    (select max(refreshed_at) from library_review_decision)) as updated_at`;
  return positional(sql, params);
}

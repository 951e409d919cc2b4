import { publicPilotStatuses, type RegistryPilotExportQuery } from '@pathways/contracts';
import { parameters, positional, whereClause } from '../library/library-search.sql';
import type { ReportingThresholds } from '@pathways/contracts';

export interface RegistryStatement {
  sql: string;
  params: unknown[];
}

type Bind = (value: unknown) => string;

/** Where the previous export batch stopped: the last row's activation time (as PostgreSQL wrote it) and id. */
export interface RegistryCursor {
  activatedAt: string;
  id: string;
}

/** `like` pattern of a word: its own %, _ and \ are literal. */
const containing = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The public pilots with their lead and reporting light, as `registry_pilot`. The light follows
 * `pilotReporting()`: the age of the latest submitted compiled report (or of the activation, before
 * the first) against the thresholds, measured at `now` given by the caller or at the pilot's end.
 */
export function publicPilots(bind: Bind, now: Date, thresholds: ReportingThresholds): string {
  // least() skips nulls: an ended pilot is measured at its end, a running one now.
  const at = `least(${bind(now.toISOString())}::timestamptz, p.completed_at, p.closed_at)`;
  const age = `(extract(epoch from (${at} - coalesce(r.last_report_at, p.activated_at))) * 1000)`;
  return `registry_pilot as (
  select p.id, p.slug, p.status, p.content, p.activated_at, p.completed_at, p.closed_at, p.closed_reason,
    p.activated_at::text as cursor,
    o.id as lead_id, o.name as lead_name, o.kind as lead_kind, o.country as lead_country,
    r.last_report_at,
    case when ${age} < ${bind(thresholds.yellowAfterMs)}::float8 then 'green'
      when ${age} < ${bind(thresholds.redAfterMs)}::float8 then 'yellow' else 'red' end as reporting_status
  from pilot p
  join organisation o on o.id = p.lead_organisation_id
  left join lateral (
    select max(pr.submitted_at) as last_report_at from pilot_report pr
    where pr.pilot_id = p.id and pr.compiled and pr.submitted_at is not null
  ) r on true
  where p.activated_at is not null and p.status = any(${bind([...publicPilotStatuses])}::text[])
)`;
}

/** The conditions of the registry's filters on `registry_pilot` as `rp`; values always bound. */
export function registryConditions(query: RegistryPilotExportQuery, bind: Bind): string[] {
  const where: string[] = [];
  const codes = (field: string, values: readonly string[]) => {
    if (values.length)
      where.push(`jsonb_exists_any(coalesce(rp.content->'${field}', '[]'), ${bind(values)}::text[])`);
  };
  codes('themes', query.theme);
  codes('stages', query.stage);
  // A country and a role together mean that country in that role.
  if (query.country.length || query.role.length) {
    const conditions = [
      ...(query.country.length ? [`c->>'code' = any(${bind(query.country)}::text[])`] : []),
      ...(query.role.length ? [`c->>'role' = any(${bind(query.role)}::text[])`] : []),
    ];
    where.push(`exists (select 1 from jsonb_array_elements(coalesce(rp.content->'countries', '[]')) c
      where ${conditions.join(' and ')})`);
  }
  if (query.status.length) where.push(`rp.status = any(${bind(query.status)}::text[])`);
  if (query.reportingStatus.length)
    where.push(`rp.reporting_status = any(${bind(query.reportingStatus)}::text[])`);
  // Every word somewhere in the title, summary, objectives or the lead's name, accents aside.
  const words = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 20);
  for (const word of words) {
    where.push(`immutable_unaccent(concat_ws(' ', rp.content->>'title', rp.content->>'summary',
      rp.content->>'objectives', rp.lead_name)) ilike immutable_unaccent(${bind(containing(word))})`);
  }
  return where;
}

const columns = `rp.id, rp.slug, rp.status, rp.content, rp.activated_at, rp.completed_at, rp.closed_at, rp.closed_reason,
  rp.lead_id, rp.lead_name, rp.lead_kind, rp.lead_country, rp.last_report_at, rp.reporting_status, rp.cursor`;

/** One page of the registry, newest activation first, with the total of matches on every row. */
export function registryPage(
  query: RegistryPilotExportQuery & { page: number; pageSize: number },
  now: Date,
  thresholds: ReportingThresholds,
): RegistryStatement {
  const { params, bind } = parameters();
  const base = publicPilots(bind, now, thresholds);
  const where = registryConditions(query, bind);
  return positional(
    `with ${base}
select ${columns}, count(*) over () as total
from registry_pilot rp
${whereClause(where)}
order by rp.activated_at desc, rp.id desc
limit ${bind(query.pageSize)} offset ${bind((query.page - 1) * query.pageSize)}`,
    params,
  );
}

/** One batch of an export after the cursor: keyset paging never repeats or skips a row. */
export function registryBatch(
  query: RegistryPilotExportQuery,
  now: Date,
  thresholds: ReportingThresholds,
  after: RegistryCursor | undefined,
  size: number,
): RegistryStatement {
  const { params, bind } = parameters();
  const base = publicPilots(bind, now, thresholds);
  const where = registryConditions(query, bind);
  if (after)
    where.push(
      `(rp.activated_at, rp.id) < (${bind(after.activatedAt)}::timestamptz, ${bind(after.id)}::uuid)`,
    );
  return positional(
    `with ${base}
select ${columns},
  coalesce((select json_agg(json_build_object('name', o.name, 'role', pp.role) order by pp.role = 'lead' desc, o.name)
    from pilot_partner pp join organisation o on o.id = pp.organisation_id
    where pp.pilot_id = rp.id and pp.status = 'accepted'), '[]') as partners
from registry_pilot rp
${whereClause(where)}
order by rp.activated_at desc, rp.id desc
limit ${bind(size)}`,
    params,
  );
}

/** One public pilot by slug, or no row. */
export function registryPilotBySlug(
  slug: string,
  now: Date,
  thresholds: ReportingThresholds,
): RegistryStatement {
  const { params, bind } = parameters();
  const base = publicPilots(bind, now, thresholds);
  return positional(
    `with ${base}
select ${columns} from registry_pilot rp where rp.slug = ${bind(slug)}`,
    params,
  );
}

/**
 * The newest events of the feed: activations and completions of public pilots, one entry each,
 * newest first.
 */
export function registryFeed(size: number): RegistryStatement {
  const { params, bind } = parameters();
  return positional(
    `select e.kind, e.at, p.id, p.slug, p.content, o.name as lead_name
from (
  select id, 'activated' as kind, activated_at as at from pilot where activated_at is not null
  union all
  select id, 'completed' as kind, completed_at as at from pilot where completed_at is not null and activated_at is not null
) e
join pilot p on p.id = e.id
join organisation o on o.id = p.lead_organisation_id
where p.status = any(${bind([...publicPilotStatuses])}::text[])
order by e.at desc, p.id desc, e.kind
limit ${bind(size)}`,
    params,
  );
}

import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import {
  publicPilotStatuses,
  type OrganisationKind,
  type RegistryOrganisation,
  type RegistryOrganisationList,
  type RegistryOrganisationQuery,
  type RegistryOrganisationSummary,
  type ReportingThresholds,
} from '@pathways/contracts';
import { notFound } from '../common/domain-error';
import { parameters, positional, whereClause } from '../library/library-search.sql';
import { publicPilots } from './pilot-registry.sql';
import { REPORTING_THRESHOLDS } from './reporting-thresholds';

interface OrganisationRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  country: string | null;
  website: string | null;
  pilot_count: number;
  practice_count: number;
}

type Bind = (value: unknown) => string;

/**
 * Verified organisations with their public work counted: pilots they lead or are an accepted
 * partner of (from activation on), and practices in the library that are not retracted.
 */
function directory(bind: Bind): string {
  return `membership as (
  select p.lead_organisation_id as organisation_id, p.id as pilot_id from pilot p
  where p.activated_at is not null and p.status = any(${bind([...publicPilotStatuses])}::text[])
  union
  select pp.organisation_id, pp.pilot_id from pilot_partner pp join pilot p on p.id = pp.pilot_id
  where pp.status = 'accepted' and p.activated_at is not null
    and p.status = any(${bind([...publicPilotStatuses])}::text[])
),
pilot_counts as (select organisation_id, count(*)::int as n from membership group by organisation_id),
practice_counts as (
  select pr.organisation_id, count(*)::int as n from practice pr join library_practice lp on lp.id = pr.id
  where not lp.retracted group by pr.organisation_id
),
directory as (
  select o.id, o.name, o.kind, o.country, o.website,
    coalesce(pc.n, 0) as pilot_count, coalesce(rc.n, 0) as practice_count
  from organisation o
  left join pilot_counts pc on pc.organisation_id = o.id
  left join practice_counts rc on rc.organisation_id = o.id
  where o.status = 'verified' and (pc.n > 0 or rc.n > 0)
)`;
}

/** The public directory of organisations behind the registry's pilots and the library's practices. */
@Injectable()
export class RegistryOrganisationsService {
  constructor(
    private readonly em: EntityManager,
    @Inject(REPORTING_THRESHOLDS) private readonly thresholds: ReportingThresholds,
  ) {}

  private async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    const statement = positional(sql, params);
    const result = await this.em.getKnex().raw<{ rows: T[] }>(statement.sql, statement.params as never);
    return result.rows;
  }

  async list(query: RegistryOrganisationQuery): Promise<RegistryOrganisationList> {
    const { params, bind } = parameters();
    const where: string[] = [];
    if (query.kind.length) where.push(`d.kind = any(${bind(query.kind)}::text[])`);
    if (query.country.length) where.push(`d.country = any(${bind(query.country)}::text[])`);
    const sql = `with ${directory(bind)}
select d.*, count(*) over () as total from directory d
${whereClause(where)}
order by lower(d.name), d.id
limit ${bind(query.pageSize)} offset ${bind((query.page - 1) * query.pageSize)}`;
    const rows = await this.rows<OrganisationRow & { total: string }>(sql, params);
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && query.page > 1) {
      const counted = await this.list({ ...query, page: 1, pageSize: 1 });
      total = counted.total;
    }
    return { items: rows.map(summary), total, page: query.page, pageSize: query.pageSize };
  }

  async organisation(id: string): Promise<RegistryOrganisation> {
    const { params, bind } = parameters();
    const [row] = await this.rows<OrganisationRow>(
      `with ${directory(bind)} select d.* from directory d where d.id = ${bind(id)}::uuid`,
      params,
    );
    if (!row) throw notFound('organisation');
    const pilots = parameters();
    const pilotRows = await this.rows<{
      slug: string;
      title: string | null;
      role: RegistryOrganisation['pilots'][number]['role'];
      status: RegistryOrganisation['pilots'][number]['status'];
      reporting_status: RegistryOrganisation['pilots'][number]['reportingStatus'];
    }>(
      `with ${publicPilots(pilots.bind, new Date(), this.thresholds)}
select rp.slug, rp.content->>'title' as title, rp.status, rp.reporting_status,
  case when rp.lead_id = ${pilots.bind(id)}::uuid then 'lead' else pp.role end as role
from registry_pilot rp
left join pilot_partner pp on pp.pilot_id = rp.id and pp.organisation_id = ${pilots.bind(id)}::uuid
  and pp.status = 'accepted'
where rp.lead_id = ${pilots.bind(id)}::uuid or pp.id is not null
order by rp.activated_at desc, rp.id desc`,
      pilots.params,
    );
    const practices = await this.rows<{ slug: string; title: string }>(
      `select lp.slug, lp.title from practice pr join library_practice lp on lp.id = pr.id
       where pr.organisation_id = $1::uuid and not lp.retracted order by lp.published_at desc, lp.id`,
      [id],
    );
    return {
      ...summary(row),
      website: row.website,
      pilots: pilotRows.map((p) => ({
        slug: p.slug,
        title: p.title ?? '',
        role: p.role,
        status: p.status,
        reportingStatus: p.reporting_status,
      })),
      practices,
    };
  }
}

const summary = (row: OrganisationRow): RegistryOrganisationSummary => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  country: row.country,
  pilotCount: row.pilot_count,
  publishedPracticeCount: row.practice_count,
});

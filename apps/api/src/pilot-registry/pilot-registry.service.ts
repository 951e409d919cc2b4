import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type {
  OrganisationKind,
  PilotContent,
  PilotPartnerRole,
  RegistryPilot,
  RegistryPilotExportQuery,
  RegistryPilotList,
  RegistryPilotQuery,
  RegistryPilotRecord,
  RegistryPilotSummary,
  ReportingThresholds,
} from '@pathways/contracts';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { notFound } from '../common/domain-error';
import type { AtomEntry } from '../library/atom-feed';
import {
  type RegistryCursor,
  type RegistryStatement,
  registryBatch,
  registryFeed,
  registryPage,
  registryPilotBySlug,
} from './pilot-registry.sql';
import { REPORTING_THRESHOLDS } from './reporting-thresholds';

interface PilotRow {
  id: string;
  slug: string;
  status: RegistryPilotSummary['status'];
  content: PilotContent;
  activated_at: Date;
  completed_at: Date | null;
  closed_at: Date | null;
  closed_reason: string | null;
  lead_id: string;
  lead_name: string;
  lead_kind: OrganisationKind;
  lead_country: string | null;
  last_report_at: Date | null;
  reporting_status: RegistryPilotSummary['reportingStatus'];
  cursor: string;
}

interface FeedRow {
  kind: 'activated' | 'completed';
  at: Date;
  id: string;
  slug: string;
  content: PilotContent;
  lead_name: string;
}

/** Rows fetched per query while streaming an export. */
export const registryExportBatchSize = 500;
/** How many activations and completions the feed holds. */
export const registryFeedSize = 50;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The public registry of pilots: only pilots that became active, with what they chose to publish. */
@Injectable()
export class PilotRegistryService {
  constructor(
    private readonly em: EntityManager,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(REPORTING_THRESHOLDS) private readonly thresholds: ReportingThresholds,
  ) {}

  get webUrl(): string {
    return this.config.PUBLIC_WEB_URL;
  }

  pilotUrl(slug: string): string {
    return `${this.config.PUBLIC_WEB_URL}/registry/pilots/${slug}`;
  }

  private async rows<T>({ sql, params }: RegistryStatement): Promise<T[]> {
    const result = await this.em.getKnex().raw<{ rows: T[] }>(sql, params as never);
    return result.rows;
  }

  async list(query: RegistryPilotQuery): Promise<RegistryPilotList> {
    const rows = await this.rows<PilotRow & { total: string }>(
      registryPage(query, new Date(), this.thresholds),
    );
    return {
      items: rows.map((row) => this.summary(row)),
      total: rows.length ? Number(rows[0].total) : await this.countBeyond(query),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** A page past the last has no row to carry the total: count the matches alone. */
  private async countBeyond(query: RegistryPilotQuery): Promise<number> {
    if (query.page === 1) return 0;
    const first = await this.rows<{ total: string }>(
      registryPage({ ...query, page: 1, pageSize: 1 }, new Date(), this.thresholds),
    );
    return first.length ? Number(first[0].total) : 0;
  }

  async pilot(slug: string): Promise<RegistryPilot> {
    const [row] = await this.rows<PilotRow>(registryPilotBySlug(slug, new Date(), this.thresholds));
    if (!row) throw notFound('pilot');
    const knex = this.em.getKnex();
    const [partners, milestones, reports, practices] = await Promise.all([
      knex.raw<{
        rows: {
          id: string;
          name: string;
          kind: OrganisationKind;
          country: string | null;
          role: PilotPartnerRole;
        }[];
      }>(
        `select o.id, o.name, o.kind, o.country, pp.role from pilot_partner pp
         join organisation o on o.id = pp.organisation_id
         where pp.pilot_id = ? and pp.status = 'accepted'
         order by pp.role = 'lead' desc, o.name, o.id`,
        [row.id],
      ),
      knex.raw<{
        rows: {
          id: string;
          title: string;
          due_date: string;
          status: RegistryPilot['milestones'][number]['status'];
          progress: number;
        }[];
      }>(
        `select id, title, due_date::text, status, progress from pilot_milestone
         where pilot_id = ? order by due_date, title, id`,
        [row.id],
      ),
      knex.raw<{
        rows: {
          period_start: string;
          period_end: string;
          submitted_at: Date;
          narrative: string;
          indicators: { indicator: string; women?: number | null; men?: number | null }[];
        }[];
      }>(
        `select period_start::text, period_end::text, submitted_at, narrative, indicators from pilot_report
         where pilot_id = ? and compiled and submitted_at is not null
         order by submitted_at desc, id desc limit 1`,
        [row.id],
      ),
      knex.raw<{ rows: { slug: string; title: string }[] }>(
        `select lp.slug, lp.title from practice pr join library_practice lp on lp.id = pr.id
         where pr.pilot_id = ? and not lp.retracted order by lp.published_at desc, lp.id`,
        [row.id],
      ),
    ]);
    const report = reports.rows[0] ?? null;
    const reported = new Map((report?.indicators ?? []).map((i) => [i.indicator, i]));
    const content = row.content;
    return {
      ...this.summary(row),
      objectives: content.objectives ?? '',
      expectedResults: content.expectedResults ?? '',
      frameworks: content.frameworks ?? [],
      budget: content.budget ?? {},
      closedReason: row.status === 'closed' ? row.closed_reason : null,
      partners: partners.rows.map(({ role, ...organisation }) => ({ organisation, role })),
      milestones: milestones.rows.map((m) => ({
        id: m.id,
        title: m.title,
        dueDate: m.due_date,
        status: m.status,
        progress: m.progress,
      })),
      latestReport: report && {
        periodStart: report.period_start,
        periodEnd: report.period_end,
        submittedAt: new Date(report.submitted_at).toISOString(),
        narrative: report.narrative,
      },
      indicators: (content.indicators ?? []).map((target) => {
        const actual = reported.get(target.indicator);
        return {
          indicator: target.indicator,
          unit: target.unit ?? null,
          target: { women: target.women ?? null, men: target.men ?? null },
          actual: { women: actual?.women ?? null, men: actual?.men ?? null },
        };
      }),
      practices: practices.rows,
    };
  }

  /** Every matching pilot, newest activation first, a batch at a time as the reader pulls. */
  async *records(query: RegistryPilotExportQuery): AsyncGenerator<RegistryPilotRecord> {
    // One clock for the whole export, so a light cannot change between batches.
    const now = new Date();
    let after: RegistryCursor | undefined;
    for (;;) {
      const rows = await this.rows<PilotRow & { partners: RegistryPilotRecord['partners'] }>(
        registryBatch(query, now, this.thresholds, after, registryExportBatchSize),
      );
      for (const row of rows) yield this.record(row);
      const last = rows.at(-1);
      if (!last || rows.length < registryExportBatchSize) return;
      after = { activatedAt: last.cursor, id: last.id };
    }
  }

  async feedEntries(): Promise<AtomEntry[]> {
    const rows = await this.rows<FeedRow>(registryFeed(registryFeedSize));
    return rows.map((row) => {
      const title = row.content.title || row.slug;
      const at = new Date(row.at);
      return {
        id: `urn:pathways:pilot:${row.id}:${row.kind}`,
        title: row.kind === 'completed' ? `Completed: ${title}` : `New pilot: ${title}`,
        summary: row.content.summary ?? '',
        link: this.pilotUrl(row.slug),
        published: at,
        updated: at,
        categories: row.content.themes ?? [],
        author: row.lead_name,
      };
    });
  }

  private summary(row: PilotRow): RegistryPilotSummary {
    const c = row.content;
    return {
      id: row.id,
      slug: row.slug,
      title: c.title ?? '',
      summary: c.summary ?? '',
      status: row.status,
      lead: { id: row.lead_id, name: row.lead_name, kind: row.lead_kind, country: row.lead_country },
      themes: c.themes ?? [],
      stages: c.stages ?? [],
      countries: c.countries ?? [],
      period: { start: c.period?.start ?? null, end: c.period?.end ?? null },
      language: c.language ?? null,
      activatedAt: iso(row.activated_at)!,
      completedAt: iso(row.completed_at),
      closedAt: iso(row.closed_at),
      lastReportAt: iso(row.last_report_at),
      reportingStatus: row.reporting_status,
    };
  }

  private record(row: PilotRow & { partners: RegistryPilotRecord['partners'] }): RegistryPilotRecord {
    const s = this.summary(row);
    return {
      id: s.id,
      url: this.pilotUrl(s.slug),
      title: s.title,
      summary: s.summary,
      status: s.status,
      leadName: s.lead.name,
      leadKind: s.lead.kind,
      partners: row.partners,
      countries: s.countries,
      themes: s.themes,
      stages: s.stages,
      periodStart: s.period.start,
      periodEnd: s.period.end,
      activatedAt: s.activatedAt,
      completedAt: s.completedAt,
      lastReportAt: s.lastReportAt,
      reportingStatus: s.reportingStatus,
    };
  }
}

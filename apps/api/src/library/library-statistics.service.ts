import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { FacetCount, LibraryStatistics, LibraryStatisticsQuery } from '@pathways/contracts';
import { libraryStatisticsStatement } from './library-statistics.sql';

interface StatisticsRow {
  total: number;
  retracted: number;
  counts: { facet: 'theme' | 'stage' | 'region' | 'year'; value: string; count: number }[];
  corridors: LibraryStatistics['corridors'];
  review: { decisions: number; accepted: number; medianDays: number | string | null };
  updated_at: Date | string | null;
}

// The newest change to either table (both index lookups): cached figures hold while it stands.
const stateSql = `select concat_ws('|', (select max(refreshed_at) from library_practice)::text,
  (select max(refreshed_at) from library_review_decision)::text) as state`;

/** Figures per filter combination; a row leaving the read model (only ever by a rebuild) shows within a minute. */
const cacheLimit = 200;
const cacheLifetimeMs = 60_000;

interface Cached {
  state: string;
  at: number;
  value: LibraryStatistics;
}

const mostFirst = (a: FacetCount, b: FacetCount) => b.count - a.count || a.value.localeCompare(b.value);

/** The library's statistics, from its read model alone (never the workflow tables). */
@Injectable()
export class LibraryStatisticsService {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly em: EntityManager) {}

  /** Through knex, so values travel as server-side parameters. */
  private async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.em.getKnex().raw<{ rows: T[] }>(sql, params as never)).rows;
  }

  /**
   * Counting every practice costs hundreds of milliseconds at 100,000, so figures are kept per
   * process until the read model changes: publications and decisions move its newest refresh time.
   */
  async statistics(query: LibraryStatisticsQuery): Promise<LibraryStatistics> {
    const key = JSON.stringify(query);
    const [{ state }] = await this.query<{ state: string }>(stateSql, []);
    const cached = this.cache.get(key);
    if (cached && cached.state === state && Date.now() - cached.at < cacheLifetimeMs) return cached.value;
    const value = await this.compute(query);
    this.cache.delete(key);
    this.cache.set(key, { state, at: Date.now(), value });
    // Oldest first in a Map: drop it once the cache is full.
    if (this.cache.size > cacheLimit) this.cache.delete(this.cache.keys().next().value!);
    return value;
  }

  private async compute(query: LibraryStatisticsQuery): Promise<LibraryStatistics> {
    const { sql, params } = libraryStatisticsStatement(query);
    const [row] = await this.query<StatisticsRow>(sql, params);
    const of = (facet: StatisticsRow['counts'][number]['facet']) =>
      row.counts.filter((c) => c.facet === facet).map(({ value, count }) => ({ value, count }));
    const { decisions, accepted, medianDays } = row.review;
    return {
      total: row.total,
      retracted: row.retracted,
      byTheme: of('theme').sort(mostFirst),
      byStage: of('stage').sort(mostFirst),
      byRegion: of('region').sort(mostFirst),
      byYear: of('year').sort((a, b) => Number(a.value) - Number(b.value)),
      corridors: row.corridors,
      review: {
        decisions,
        accepted,
        shareAccepted: decisions ? accepted / decisions : null,
        medianDays: medianDays === null ? null : Number(medianDays),
      },
      updatedAt: row.updated_at ? new Date(row.updated_at).toISOString() : null,
    };
  }
}

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

// The library's generation (every publication, retraction or removal moves it) and the newest
// review decision (decisions of unpublished practices leave the generation alone): one row and one
// index lookup. Figures hold while both stand.
const stateSql = `select concat_ws('|', s.generation::text, d.newest::text) as state,
  greatest(s.changed_at, d.newest) as changed_at
  from library_state s, (select max(refreshed_at) as newest from library_review_decision) d`;

/** Figures per filter combination. */
const cacheLimit = 200;

/** Where the statistics' sources stand: figures, and their ETag, change exactly when it does. */
export interface StatisticsState {
  state: string;
  changedAt: Date;
}

interface Cached {
  state: string;
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

  async state(): Promise<StatisticsState> {
    const [row] = await this.query<{ state: string; changed_at: Date | string }>(stateSql, []);
    if (!row) throw new Error('library_state has no row: run the migrations');
    return { state: row.state, changedAt: new Date(row.changed_at) };
  }

  /**
   * Counting every practice costs hundreds of milliseconds at 100,000, so figures are kept per
   * process and filter combination (`key`) until the state of their sources moves.
   */
  async statistics(
    query: LibraryStatisticsQuery,
    key: string,
    { state }: StatisticsState,
  ): Promise<LibraryStatistics> {
    const cached = this.cache.get(key);
    if (cached && cached.state === state) return cached.value;
    const value = await this.compute(query);
    this.cache.delete(key);
    this.cache.set(key, { state, value });
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

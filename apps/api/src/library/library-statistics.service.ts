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

const mostFirst = (a: FacetCount, b: FacetCount) => b.count - a.count || a.value.localeCompare(b.value);

/** The library's statistics, from its read model alone (never the workflow tables). */
@Injectable()
export class LibraryStatisticsService {
  constructor(private readonly em: EntityManager) {}

  async statistics(query: LibraryStatisticsQuery): Promise<LibraryStatistics> {
    const { sql, params } = libraryStatisticsStatement(query);
    // Through knex, so values travel as server-side parameters.
    const { rows } = await this.em.getKnex().raw<{ rows: StatisticsRow[] }>(sql, params as never);
    const [row] = rows;
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

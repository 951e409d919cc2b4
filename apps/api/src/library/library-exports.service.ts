import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import {
  type LibraryExportQuery,
  type LibraryExportRecord,
  LibraryExportQuery as LibraryExportQuerySchema,
  type LibraryHit,
} from '@pathways/contracts';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import type { AtomEntry } from './atom-feed';
import { type ExportCursor, libraryExportBatch } from './library-export.sql';

interface ExportRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  organisation_name: string;
  organisation_kind: LibraryHit['organisationKind'];
  countries: LibraryHit['countries'];
  themes: string[];
  year: number | null;
  language: LibraryHit['language'];
  version_number: number;
  published_at: Date;
  retracted: boolean;
  refreshed_at: Date;
  cursor: string;
}

/** Rows fetched per query while streaming an export: memory stays flat whatever the match set. */
export const exportBatchSize = 500;
/** How many of the latest publications a feed holds. */
export const feedSize = 50;

/** Exports and feeds over the library's read model, matching exactly as the search does. */
@Injectable()
export class LibraryExportsService {
  constructor(
    private readonly em: EntityManager,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The public page of a practice in the web app. */
  practiceUrl(slug: string): string {
    return `${this.config.PUBLIC_WEB_URL}/library/practices/${slug}`;
  }

  get webUrl(): string {
    return this.config.PUBLIC_WEB_URL;
  }

  /** Through knex, so values travel as server-side parameters. */
  private async batch(
    query: LibraryExportQuery,
    words: string | undefined,
    after?: ExportCursor,
    size = exportBatchSize,
  ) {
    const { sql, params } = libraryExportBatch(query, words, after, size);
    const result = await this.em.getKnex().raw<{ rows: ExportRow[] }>(sql, params as never);
    return result.rows;
  }

  /** Every practice matching the query, newest first, fetched a batch at a time as the reader pulls. */
  async *records(query: LibraryExportQuery): AsyncGenerator<LibraryExportRecord> {
    const words = query.q?.trim() || undefined;
    let after: ExportCursor | undefined;
    for (;;) {
      const rows = await this.batch(query, words, after);
      for (const row of rows) yield this.record(row);
      const last = rows.at(-1);
      if (!last || rows.length < exportBatchSize) return;
      after = { publishedAt: last.cursor, id: last.id };
    }
  }

  /** The latest publications, retracted ones included (a feed reader should learn of a retraction). */
  async feedEntries(theme: string | undefined): Promise<AtomEntry[]> {
    const query = LibraryExportQuerySchema.parse(theme ? { theme } : {});
    const rows = await this.batch(query, undefined, undefined, feedSize);
    return rows.map((row) => ({
      id: `urn:uuid:${row.id}`,
      title: row.retracted ? `Retracted: ${row.title}` : row.title,
      summary: row.summary,
      link: this.practiceUrl(row.slug),
      published: new Date(row.published_at),
      // Refreshed when a new version is published or the practice is retracted.
      updated: new Date(Math.max(+new Date(row.published_at), +new Date(row.refreshed_at))),
      categories: row.themes,
      author: row.organisation_name,
    }));
  }

  private record(row: ExportRow): LibraryExportRecord {
    return {
      id: row.id,
      url: this.practiceUrl(row.slug),
      title: row.title,
      summary: row.summary,
      organisationName: row.organisation_name,
      organisationKind: row.organisation_kind,
      countries: row.countries,
      themes: row.themes,
      year: row.year,
      language: row.language,
      versionNumber: row.version_number,
      publishedAt: new Date(row.published_at).toISOString(),
      retracted: row.retracted,
    };
  }
}

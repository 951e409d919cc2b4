import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import {
  type FieldChange,
  LibraryPractice,
  type LibraryPracticeOrganisation,
  type Locale,
  type PracticeContent,
} from '@pathways/contracts';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

interface PracticeRow {
  id: string;
  slug: string;
  latest_number: number;
  organisation_name: string;
  organisation_kind: LibraryPracticeOrganisation['kind'];
  organisation_country: string | null;
  retracted_at: Date | null;
  retraction_notice: string | null;
  pilot_slug: string | null;
  pilot_title: string | null;
  refreshed_at: Date;
  refreshed: string;
  number: number;
  language: Locale;
  content: PracticeContent;
  published_at: Date;
  changes: FieldChange[];
  versions: {
    number: number;
    title: string;
    publishedAt: string;
    previousNumber: number | null;
    changedFields: string[];
  }[];
}

// One statement over the read model: the practice, the version asked for (the listed one by
// default) and the whole history. The workflow tables are never read here.
const practiceQuery = `
select l.id, l.slug, l.version_number as latest_number, l.organisation_name, l.organisation_kind,
  l.organisation_country, l.retracted_at, l.retraction_notice, l.pilot_slug, l.pilot_title, l.refreshed_at, l.refreshed_at::text as refreshed,
  v.number, v.language, v.content, v.published_at, v.changes,
  (select json_agg(json_build_object('number', h.number, 'title', h.title, 'publishedAt', h.published_at,
      'previousNumber', h.previous_number, 'changedFields', h.changed_fields) order by h.number)
    from library_practice_version h where h.practice_id = l.id) as versions
from library_practice l
join library_practice_version v on v.practice_id = l.id and v.number = coalesce(?::int, l.version_number)
where l.slug = ?`;

/** A published version as its page shows it, and what its cache validators derive from. */
export interface FoundPractice {
  practice: LibraryPractice;
  refreshed: string;
  updatedAt: Date;
}

/** The public pages of library practices, read from the library's read model. */
@Injectable()
export class LibraryPracticeService {
  constructor(
    private readonly em: EntityManager,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The page of a practice in the web app. */
  practiceUrl(slug: string): string {
    return `${this.config.PUBLIC_WEB_URL}/library/practices/${slug}`;
  }

  /** The permanent page of one published version. */
  versionUrl(slug: string, number: number): string {
    return `${this.practiceUrl(slug)}/versions/${number}`;
  }

  /** The listed version of a practice, or the published version `number`; null when there is none. */
  async find(slug: string, number?: number): Promise<FoundPractice | null> {
    const [row] = await this.em.execute<PracticeRow[]>(practiceQuery, [number ?? null, slug]);
    if (!row) return null;
    const practice = LibraryPractice.parse({
      id: row.id,
      slug: row.slug,
      versionNumber: row.number,
      latestVersionNumber: row.latest_number,
      publishedAt: new Date(row.published_at).toISOString(),
      updatedAt: new Date(row.refreshed_at).toISOString(),
      language: row.language,
      content: row.content,
      organisation: {
        name: row.organisation_name,
        kind: row.organisation_kind,
        country: row.organisation_country,
      },
      changes: row.changes,
      versions: row.versions.map((v) => ({ ...v, publishedAt: new Date(v.publishedAt).toISOString() })),
      retraction: row.retracted_at
        ? { retractedAt: new Date(row.retracted_at).toISOString(), notice: row.retraction_notice }
        : null,
      pilot: row.pilot_slug ? { slug: row.pilot_slug, title: row.pilot_title ?? '' } : null,
    } satisfies LibraryPractice);
    return { practice, refreshed: row.refreshed, updatedAt: new Date(row.refreshed_at) };
  }
}

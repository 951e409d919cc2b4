/** One row of the library's read model, as OAI-PMH shows it. */
export interface OaiRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  organisation_name: string;
  themes: string[];
  language: string;
  countries: { code: string; role: string }[];
  published_at: Date;
  retracted: boolean;
  licence: string | null;
  refreshed_at: Date;
  /** refreshed_at to the microsecond, for the next page's keyset. */
  position: string;
}

/** Which records a list holds; the theme is a known code, `anyTheme` the parent set "theme". */
export interface OaiListFilter {
  since?: Date;
  before?: Date;
  theme?: string;
  anyTheme?: boolean;
  after?: { at: string; id: string };
}

export interface OaiStatement {
  sql: string;
  params: unknown[];
}

const columns = `l.id, l.slug, l.title, l.summary, l.organisation_name, l.themes, l.language, l.countries,
  l.published_at, l.retracted, l.content->>'licence' as licence, l.refreshed_at,
  to_char(l.refreshed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as position`;

function where(filter: OaiListFilter, withCursor: boolean): OaiStatement {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (filter.since) add('l.refreshed_at >= ?', filter.since);
  if (filter.before) add('l.refreshed_at < ?', filter.before);
  if (filter.theme) add('l.themes @> array[?]::text[]', filter.theme);
  if (filter.anyTheme) add('cardinality(l.themes) > 0');
  if (withCursor && filter.after)
    add('(l.refreshed_at, l.id) > (?::timestamptz, ?::uuid)', filter.after.at, filter.after.id);
  return { sql: conditions.length ? `where ${conditions.join(' and ')}` : '', params };
}

/**
 * One page of a list in datestamp order, after the last record delivered. A practice published or
 * retracted mid-harvest is refreshed later than every record delivered so far, so it comes at the
 * end: keyset paging neither skips nor repeats a record.
 */
export function oaiListPage(filter: OaiListFilter, size: number): OaiStatement {
  const { sql, params } = where(filter, true);
  return {
    sql: `select ${columns} from library_practice l ${sql} order by l.refreshed_at, l.id limit ?`,
    params: [...params, size],
  };
}

/** How many records the whole list holds now (completeListSize). */
export function oaiListSize(filter: OaiListFilter): OaiStatement {
  const { sql, params } = where(filter, false);
  return { sql: `select count(*)::int as count from library_practice l ${sql}`, params };
}

export const oaiRecord = `select ${columns} from library_practice l where l.slug = ?`;

/** The oldest datestamp, for Identify's earliestDatestamp (Last-Modified is the library generation's). */
export const oaiDatestampBounds = `select min(refreshed_at) as earliest from library_practice`;

/** The English theme labels an admin may have edited; the seed's are used for any not stored. */
export const oaiThemeLabels = `select code, label->>'en' as label from taxonomy_term where vocabulary = 'theme'`;

import type { LibraryExportQuery } from '@pathways/contracts';
import {
  type LibrarySearchStatement,
  libraryMatch,
  parameters,
  positional,
  whereClause,
} from './library-search.sql';

/** Where the previous batch stopped: the last row's publication time (as PostgreSQL wrote it) and id. */
export interface ExportCursor {
  publishedAt: string;
  id: string;
}

const columns = `p.id, p.slug, p.title, p.summary, p.organisation_name, p.organisation_kind, p.countries, p.themes,
  p.year, p.language, p.version_number, p.published_at, p.retracted, p.refreshed_at,
  p.published_at::text as cursor`;

/**
 * One batch of an export: the rows matching the search's words and filters, newest first, after the
 * cursor. Keyset paging keeps every batch as cheap as the first and never repeats or skips a row.
 * Matched and ordered on the narrow `library_match` (its indexes), the columns read from the wide row.
 */
export function libraryExportBatch(
  query: LibraryExportQuery,
  words: string | undefined,
  after: ExportCursor | undefined,
  size: number,
): LibrarySearchStatement {
  const { params, bind } = parameters();
  const { q, where } = libraryMatch(query, words, bind);
  if (after)
    where.push(`(l.published_at, l.id) < (${bind(after.publishedAt)}::timestamptz, ${bind(after.id)}::uuid)`);
  return positional(
    `with ${q}
select ${columns}
from library_match l join library_practice p on p.id = l.id
${whereClause(where)}
order by l.published_at desc, l.id desc
limit ${bind(size)}`,
    params,
  );
}

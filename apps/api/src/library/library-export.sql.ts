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

const columns = `l.id, l.slug, l.title, l.summary, l.organisation_name, l.organisation_kind, l.countries, l.themes,
  l.year, l.language, l.version_number, l.published_at, l.retracted, l.refreshed_at,
  l.published_at::text as cursor`;

/**
 * One batch of an export: the rows matching the search's words and filters, newest first, after the
 * cursor. Keyset paging keeps every batch as cheap as the first and never repeats or skips a row.
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
from library_practice l, q
${whereClause(where)}
order by l.published_at desc, l.id desc
limit ${bind(size)}`,
    params,
  );
}

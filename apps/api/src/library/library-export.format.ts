import type { LibraryExportRecord } from '@pathways/contracts';
import { csvLine } from './csv';

const csvHeader = [
  'id',
  'url',
  'title',
  'summary',
  'organisation',
  'organisation_kind',
  'countries',
  'themes',
  'year',
  'language',
  'version',
  'published_at',
  'retracted',
];

/** The export as CSV: a header row, then one row per practice; countries as `code:role;…`. */
export async function* csvExport(records: AsyncIterable<LibraryExportRecord>): AsyncGenerator<string> {
  yield csvLine(csvHeader);
  for await (const r of records) {
    yield csvLine([
      r.id,
      r.url,
      r.title,
      r.summary,
      r.organisationName,
      r.organisationKind,
      r.countries.map((c) => `${c.code}:${c.role}`).join(';'),
      r.themes.join(';'),
      r.year,
      r.language,
      r.versionNumber,
      r.publishedAt,
      r.retracted,
    ]);
  }
}

/** The export as one JSON array, written an object at a time. */
export async function* jsonExport(records: AsyncIterable<LibraryExportRecord>): AsyncGenerator<string> {
  let separator = '[\n';
  for await (const r of records) {
    yield separator + JSON.stringify(r);
    separator = ',\n';
  }
  yield separator === '[\n' ? '[]\n' : '\n]\n';
}

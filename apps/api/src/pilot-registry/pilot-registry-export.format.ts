import type { RegistryPilotRecord } from '@pathways/contracts';
import { csvLine } from '../library/csv';

const csvHeader = [
  'id',
  'url',
  'title',
  'summary',
  'status',
  'lead',
  'lead_kind',
  'partners',
  'countries',
  'themes',
  'stages',
  'period_start',
  'period_end',
  'activated_at',
  'completed_at',
  'last_report_at',
  'reporting_status',
];

/** The export as CSV: a header row, then one row per pilot; lists as `a;b`, pairs as `name:role`. */
export async function* registryCsv(records: AsyncIterable<RegistryPilotRecord>): AsyncGenerator<string> {
  yield csvLine(csvHeader);
  for await (const r of records) {
    yield csvLine([
      r.id,
      r.url,
      r.title,
      r.summary,
      r.status,
      r.leadName,
      r.leadKind,
      r.partners.map((p) => `${p.name}:${p.role}`).join(';'),
      r.countries.map((c) => `${c.code}:${c.role}`).join(';'),
      r.themes.join(';'),
      r.stages.join(';'),
      r.periodStart,
      r.periodEnd,
      r.activatedAt,
      r.completedAt,
      r.lastReportAt,
      r.reportingStatus,
    ]);
  }
}

/** The export as one JSON array, written an object at a time. */
export async function* registryJson(records: AsyncIterable<RegistryPilotRecord>): AsyncGenerator<string> {
  let separator = '[\n';
  for await (const r of records) {
    yield separator + JSON.stringify(r);
    separator = ',\n';
  }
  yield separator === '[\n' ? '[]\n' : '\n]\n';
}

import { type FieldChange, PracticeContent } from '@pathways/contracts';
import { formatDate } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { assessmentKeys, assessmentLabels, fieldLabel, languageLabels, roleLabels } from '$lib/practice';

export const termFields = ['themes', 'stages', 'targetGroups', 'frameworks'] as const;
type TermField = (typeof termFields)[number];

/** What turns stored codes into words: taxonomy labels by field, country names, the page's language. */
export interface DiffLabels {
  terms: Record<TermField, Record<string, string>>;
  country: (code: string) => string;
  locale: Locale;
}

/** One changed field, as people read it: its label, and the value before and after as lines of text. */
export interface ChangeRow {
  field: string;
  label: string;
  kind: FieldChange['kind'];
  before: string[];
  after: string[];
}

// The form's order, so a comparison reads like the practice itself.
const fieldOrder: string[] = Object.keys(PracticeContent.shape);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];

function describeIndicator(row: Record<string, unknown>, locale: Locale): string {
  const numbers = new Intl.NumberFormat(locale);
  const figure = (value: unknown) => (typeof value === 'number' ? numbers.format(value) : '—');
  const parts = [
    `${m.practice_indicator_women()}: ${figure(row.women)}`,
    `${m.practice_indicator_men()}: ${figure(row.men)}`,
  ];
  if (row.unit) parts.push(`${m.practice_indicator_unit()}: ${text(row.unit)}`);
  if (row.year !== undefined && row.year !== null)
    parts.push(`${m.practice_indicator_year()}: ${text(row.year)}`);
  if (row.source) parts.push(`${m.practice_indicator_source()}: ${text(row.source)}`);
  return `${text(row.indicator)} — ${parts.join(', ')}`;
}

/** A stored value of a content field as lines of text; an empty value has none. */
export function describeValue(field: string, value: unknown, labels: DiffLabels): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value) && value.length === 0) return [];
  if ((termFields as readonly string[]).includes(field) && Array.isArray(value)) {
    const names = labels.terms[field as TermField];
    return value.map((code) => names[text(code)] ?? text(code));
  }
  switch (field) {
    case 'countries':
      return records(value).map((c) => {
        const role = text(c.role);
        return `${labels.country(text(c.code))} (${roleLabels[role]?.() ?? role})`;
      });
    case 'partners':
      return Array.isArray(value) ? value.map(text) : [text(value)];
    case 'indicators':
      return records(value).map((row) => describeIndicator(row, labels.locale));
    case 'resources':
      return records(value).map((r) => `${text(r.label)} (${text(r.url)})`);
    case 'period': {
      if (!isRecord(value)) return [text(value)];
      const start = typeof value.start === 'string' ? formatDate(value.start, labels.locale) : null;
      const end = typeof value.end === 'string' ? formatDate(value.end, labels.locale) : null;
      if (start && end) return [m.practice_period_range({ start, end })];
      if (start) return [m.practice_period_from({ start })];
      if (end) return [m.versions_period_until({ end })];
      return [];
    }
    case 'genderAssessment': {
      if (!isRecord(value)) return [text(value)];
      const lines = assessmentKeys.filter((key) => value[key] === true).map((key) => assessmentLabels[key]());
      if (value.notes) lines.push(`${m.practice_field_gender_notes()}: ${text(value.notes)}`);
      return lines;
    }
    case 'language':
      return [languageLabels[text(value)]?.() ?? text(value)];
    default:
      return [text(value)];
  }
}

/** The API's field-by-field changes, labelled and in the form's order. */
export function describeChanges(changes: FieldChange[], labels: DiffLabels): ChangeRow[] {
  const position = (field: string) => {
    const at = fieldOrder.indexOf(field);
    return at === -1 ? fieldOrder.length : at;
  };
  return [...changes]
    .sort((a, b) => position(a.field) - position(b.field) || a.field.localeCompare(b.field))
    .map((change) => ({
      field: change.field,
      label: fieldLabel(change.field),
      kind: change.kind,
      before: describeValue(change.field, change.before, labels),
      after: describeValue(change.field, change.after, labels),
    }));
}

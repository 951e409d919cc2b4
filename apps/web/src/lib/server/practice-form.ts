import { PracticeContent } from '@pathways/contracts';
import type { PracticeContent as Content } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { assessmentKeys, type AssessmentKey } from '$lib/practice';
import { field, rows } from './form-rows';

export const textKeys = [
  'title',
  'summary',
  'problem',
  'description',
  'partners',
  'period.start',
  'period.end',
  'outcomes',
  'evidence',
  'lessons',
  'replicability',
  'sustainability',
  'genderAssessment.notes',
  'language',
  'licence',
] as const;
export type TextKey = (typeof textKeys)[number];

export const termKeys = ['themes', 'stages', 'targetGroups', 'frameworks'] as const;
export type TermKey = (typeof termKeys)[number];

export const indicatorKeys = ['indicator', 'women', 'men', 'unit', 'year', 'source'] as const;
export type IndicatorRow = Record<(typeof indicatorKeys)[number], string>;
export interface CountryRow {
  code: string;
  role: string;
}
export interface ResourceRow {
  label: string;
  url: string;
}

/**
 * The guided form as the user typed it: strings only, so a failed save shows exactly what was
 * entered. Input names are the content's paths (e.g. `indicators.0.women`), as are the API's issues.
 */
export interface PracticeForm {
  text: Record<TextKey, string>;
  terms: Record<TermKey, string[]>;
  countries: CountryRow[];
  indicators: IndicatorRow[];
  resources: ResourceRow[];
  assessment: AssessmentKey[];
}

const emptyIndicator = (): IndicatorRow => ({
  indicator: '',
  women: '',
  men: '',
  unit: '',
  year: '',
  source: '',
});
const figure = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** The form for a saved draft, with one empty row in each repeatable group to type into. */
export function formFromContent(content: Content): PracticeForm {
  const text = Object.fromEntries(textKeys.map((key) => [key, ''])) as Record<TextKey, string>;
  for (const key of [
    'title',
    'summary',
    'problem',
    'description',
    'outcomes',
    'evidence',
    'lessons',
  ] as const) {
    text[key] = content[key] ?? '';
  }
  text.replicability = content.replicability ?? '';
  text.sustainability = content.sustainability ?? '';
  text.partners = (content.partners ?? []).join('\n');
  text['period.start'] = content.period?.start ?? '';
  text['period.end'] = content.period?.end ?? '';
  text['genderAssessment.notes'] = content.genderAssessment?.notes ?? '';
  text.language = content.language ?? '';
  text.licence = content.licence ?? '';
  const indicators = (content.indicators ?? []).map((row) => ({
    indicator: row.indicator,
    women: figure(row.women),
    men: figure(row.men),
    unit: row.unit ?? '',
    year: row.year === undefined ? '' : String(row.year),
    source: row.source ?? '',
  }));
  return {
    text,
    terms: {
      themes: content.themes ?? [],
      stages: content.stages ?? [],
      targetGroups: content.targetGroups ?? [],
      frameworks: content.frameworks ?? [],
    },
    countries: [...(content.countries ?? []), { code: '', role: '' }],
    indicators: [...indicators, emptyIndicator()],
    resources: [...(content.resources ?? []), { label: '', url: '' }],
    assessment: assessmentKeys.filter((key) => content.genderAssessment?.[key] === true),
  };
}

/** What the browser posted, as the form state (rows renumbered from 0). */
export function formFromData(data: FormData): PracticeForm {
  const text = Object.fromEntries(textKeys.map((key) => [key, field(data, key)])) as Record<TextKey, string>;
  const terms = Object.fromEntries(
    termKeys.map((key) => [key, data.getAll(key).filter((v): v is string => typeof v === 'string')]),
  ) as Record<TermKey, string[]>;
  return {
    text,
    terms,
    countries: rows(data, 'countries', ['code', 'role'] as const),
    indicators: rows(data, 'indicators', indicatorKeys),
    resources: rows(data, 'resources', ['label', 'url'] as const),
    assessment: assessmentKeys.filter((key) => data.get(`genderAssessment.${key}`) === 'on'),
  };
}

const blankRow = (row: Record<string, string>) => Object.values(row).every((value) => value === '');

/** Drops the rows left entirely empty, so the spare row never counts as input. */
export function withoutBlankRows(form: PracticeForm): PracticeForm {
  return {
    ...form,
    countries: form.countries.filter((row) => !blankRow({ ...row })),
    indicators: form.indicators.filter((row) => !blankRow(row)),
    resources: form.resources.filter((row) => !blankRow({ ...row })),
  };
}

const optional = (value: string) => (value === '' ? undefined : value);
// Text that is not a number stays text, so the contract reports it at its path.
const number = (value: string): number | string | undefined => {
  if (value === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : value;
};

/** The content a save sends: empty fields are left out, since a draft may be incomplete. */
export function contentFromForm(form: PracticeForm): Record<string, unknown> {
  const { text } = form;
  const content: Record<string, unknown> = {};
  for (const key of [
    'title',
    'summary',
    'problem',
    'description',
    'outcomes',
    'evidence',
    'lessons',
  ] as const) {
    content[key] = optional(text[key]);
  }
  content.replicability = optional(text.replicability);
  content.sustainability = optional(text.sustainability);
  content.language = optional(text.language);
  content.licence = optional(text.licence);
  for (const key of termKeys) content[key] = form.terms[key];
  const partners = text.partners
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  content.partners = partners;
  if (text['period.start'] || text['period.end']) {
    content.period = { start: optional(text['period.start']), end: optional(text['period.end']) };
  }
  content.countries = form.countries;
  content.indicators = form.indicators.map((row) => ({
    indicator: row.indicator,
    women: number(row.women),
    men: number(row.men),
    unit: optional(row.unit),
    year: number(row.year),
    source: optional(row.source),
  }));
  content.resources = form.resources;
  content.genderAssessment = {
    ...Object.fromEntries(assessmentKeys.map((key) => [key, form.assessment.includes(key)])),
    notes: optional(text['genderAssessment.notes']),
  };
  return JSON.parse(JSON.stringify(content)) as Record<string, unknown>;
}

/** Where an issue is shown: list fields show theirs once, at the group; rows at their cell. */
export function errorKey(path: string): string {
  const bare = path.startsWith('content.') ? path.slice('content.'.length) : path;
  const root = bare.split('.')[0] ?? bare;
  return ['themes', 'stages', 'targetGroups', 'frameworks', 'partners'].includes(root) ? root : bare;
}

/** A translated message for an issue at a content path. */
export function messageForPath(path: string, custom = false): string {
  const key = errorKey(path);
  const last = key.split('.').at(-1) ?? key;
  if (last === 'women' || last === 'men') return m.practice_error_number();
  if (last === 'year') return m.practice_error_year();
  if (key === 'period.end' && custom) return m.practice_error_period();
  if (key === 'period.start' || key === 'period.end') return m.practice_error_date();
  if (last === 'url') return m.practice_error_url();
  if (/^(indicators|resources|countries)\.\d+\.(indicator|label|code|role)$/.test(key))
    return m.practice_error_row();
  if (key === 'countries') return m.practice_error_countries();
  if (['title', 'summary', 'problem', 'description', 'outcomes', 'evidence', 'lessons'].includes(key))
    return m.practice_error_text();
  return m.field_invalid();
}

/** Checks the content with the API's contract first, so messages are translated and at their fields. */
export function checkContent(content: unknown): Record<string, string> {
  const result = PracticeContent.safeParse(content);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    errors[errorKey(path)] ??= messageForPath(path, issue.code === 'custom');
  }
  return errors;
}

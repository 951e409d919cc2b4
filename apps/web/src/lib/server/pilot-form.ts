import { PilotContent } from '@pathways/contracts';
import type { PilotContent as Content } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { field, rows } from './form-rows';

export const pilotTextKeys = [
  'title',
  'summary',
  'objectives',
  'period.start',
  'period.end',
  'budget.range',
  'budget.sources',
  'expectedResults',
  'language',
] as const;
export type PilotTextKey = (typeof pilotTextKeys)[number];

export const pilotTermKeys = ['themes', 'stages', 'frameworks'] as const;
export type PilotTermKey = (typeof pilotTermKeys)[number];

export const pilotIndicatorKeys = ['indicator', 'unit', 'women', 'men'] as const;
export type PilotIndicatorRow = Record<(typeof pilotIndicatorKeys)[number], string>;
export interface PilotCountryRow {
  code: string;
  role: string;
}

/**
 * The proposal form as the user typed it: strings only, so a refused save shows exactly what was
 * entered. Input names are the content's paths (e.g. `indicators.0.women`), as are the API's issues.
 */
export interface PilotForm {
  text: Record<PilotTextKey, string>;
  terms: Record<PilotTermKey, string[]>;
  countries: PilotCountryRow[];
  indicators: PilotIndicatorRow[];
}

export const emptyPilotIndicator = (): PilotIndicatorRow => ({ indicator: '', unit: '', women: '', men: '' });
export const emptyPilotCountry = (): PilotCountryRow => ({ code: '', role: '' });

const figure = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** The form for saved content (or none), with one empty row in each repeatable group to type into. */
export function pilotFormFromContent(content: Content = {}): PilotForm {
  const text = Object.fromEntries(pilotTextKeys.map((key) => [key, ''])) as Record<PilotTextKey, string>;
  text.title = content.title ?? '';
  text.summary = content.summary ?? '';
  text.objectives = content.objectives ?? '';
  text.expectedResults = content.expectedResults ?? '';
  text['period.start'] = content.period?.start ?? '';
  text['period.end'] = content.period?.end ?? '';
  text['budget.range'] = content.budget?.range ?? '';
  text['budget.sources'] = (content.budget?.sources ?? []).join('\n');
  text.language = content.language ?? '';
  return {
    text,
    terms: {
      themes: content.themes ?? [],
      stages: content.stages ?? [],
      frameworks: content.frameworks ?? [],
    },
    countries: [...(content.countries ?? []), emptyPilotCountry()],
    indicators: [
      ...(content.indicators ?? []).map((row) => ({
        indicator: row.indicator,
        unit: row.unit ?? '',
        women: figure(row.women),
        men: figure(row.men),
      })),
      emptyPilotIndicator(),
    ],
  };
}

/** What the browser posted, as the form state (rows renumbered from 0). */
export function pilotFormFromData(data: FormData): PilotForm {
  const text = Object.fromEntries(pilotTextKeys.map((key) => [key, field(data, key)])) as Record<
    PilotTextKey,
    string
  >;
  const terms = Object.fromEntries(
    pilotTermKeys.map((key) => [key, data.getAll(key).filter((v): v is string => typeof v === 'string')]),
  ) as Record<PilotTermKey, string[]>;
  return {
    text,
    terms,
    countries: rows(data, 'countries', ['code', 'role'] as const),
    indicators: rows(data, 'indicators', pilotIndicatorKeys),
  };
}

const blankRow = (row: Record<string, string>) => Object.values(row).every((value) => value === '');

/** Drops the rows left entirely empty, so the spare row never counts as input. */
export function withoutBlankPilotRows(form: PilotForm): PilotForm {
  return {
    ...form,
    countries: form.countries.filter((row) => !blankRow({ ...row })),
    indicators: form.indicators.filter((row) => !blankRow(row)),
  };
}

const optional = (value: string) => (value === '' ? undefined : value);
// Text that is not a number stays text, so the contract reports it at its path.
const number = (value: string): number | string | null => {
  if (value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : value;
};

/** The content a save sends: empty fields are left out, since a draft may be incomplete. */
export function pilotContentFromForm(form: PilotForm): Record<string, unknown> {
  const { text } = form;
  const content: Record<string, unknown> = {};
  for (const key of ['title', 'summary', 'objectives', 'expectedResults', 'language'] as const)
    content[key] = optional(text[key]);
  for (const key of pilotTermKeys) content[key] = form.terms[key];
  content.countries = form.countries;
  if (text['period.start'] || text['period.end'])
    content.period = { start: optional(text['period.start']), end: optional(text['period.end']) };
  const sources = text['budget.sources']
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  content.budget = { range: optional(text['budget.range']), sources };
  content.indicators = form.indicators.map((row) => ({
    indicator: row.indicator,
    unit: optional(row.unit),
    women: number(row.women),
    men: number(row.men),
  }));
  // Drops the undefined members, so the strict contract sees only what was filled in.
  return JSON.parse(JSON.stringify(content)) as Record<string, unknown>;
}

/** Where an issue is shown: list fields show theirs once, at the group; rows at their cell. */
export function pilotErrorKey(path: string): string {
  const bare = path.startsWith('content.') ? path.slice('content.'.length) : path;
  const parts = bare.split('.');
  const root = parts[0] ?? bare;
  if (['themes', 'stages', 'frameworks'].includes(root)) return root;
  if (root === 'budget' && parts[1] === 'sources') return 'budget.sources';
  return bare;
}

/** A translated message for an issue at a content path. */
export function pilotMessageForPath(path: string, custom = false): string {
  const key = pilotErrorKey(path);
  const last = key.split('.').at(-1) ?? key;
  if (last === 'women' || last === 'men') return m.practice_error_number();
  if (key === 'period.end' && custom) return m.practice_error_period();
  if (key === 'period.start' || key === 'period.end') return m.practice_error_date();
  if (/^(indicators|countries)\.\d+\.(indicator|code|role)$/.test(key)) return m.practice_error_row();
  if (key === 'countries') return m.practice_error_countries();
  if (key === 'budget.sources') return m.pilots_error_sources();
  if (['title', 'summary', 'objectives', 'expectedResults'].includes(key) || last === 'unit')
    return m.practice_error_text();
  return m.field_invalid();
}

/** Checks the content with the API's contract first, so messages are translated and at their fields. */
export function checkPilotContent(content: unknown): Record<string, string> {
  const result = PilotContent.safeParse(content);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    errors[pilotErrorKey(path)] ??= pilotMessageForPath(path, issue.code === 'custom');
  }
  return errors;
}

/** API issues (at `content.…` paths) as translated messages keyed the way the form shows them. */
export function pilotIssuesByField(issues: readonly { path: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.path === 'organisationId' || issue.path === 'version') continue;
    errors[pilotErrorKey(issue.path)] ??= pilotMessageForPath(issue.path);
  }
  return errors;
}

const removeAt = <T>(list: T[], index: number): T[] => list.filter((_, at) => at !== index);

/** The row buttons of the form: each re-renders it with one row more or fewer, nothing saved. */
export function reshapePilotForm(
  form: PilotForm,
  change: 'addCountry' | 'removeCountry' | 'addIndicator' | 'removeIndicator',
  index = -1,
): PilotForm {
  switch (change) {
    case 'addCountry':
      return { ...form, countries: [...form.countries, emptyPilotCountry()] };
    case 'removeCountry':
      return { ...form, countries: removeAt(form.countries, index) };
    case 'addIndicator':
      return { ...form, indicators: [...form.indicators, emptyPilotIndicator()] };
    case 'removeIndicator':
      return { ...form, indicators: removeAt(form.indicators, index) };
  }
}

import type { Pilot, PilotReport } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import type { ProgressIndicator } from '$lib/pilots/progress-chart';
import type { FieldMessages } from './failures';
import { formValues } from './form';
import { field, rowIndices } from './form-rows';

// Text that is not a number stays text, so the contract reports it at its path.
const number = (value: string): number | string | undefined => {
  if (value === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : value;
};
const figure = (value: string): number | string | null => number(value) ?? null;

/** A new milestone as posted: title, due date, status and progress (empty ones left to the API's defaults). */
export function milestoneBody(data: FormData): Record<string, unknown> {
  const values = formValues(data, ['title', 'dueDate', 'status', 'progress']);
  return JSON.parse(
    JSON.stringify({
      title: values.title,
      dueDate: values.dueDate,
      status: values.status || undefined,
      progress: number(values.progress),
    }),
  ) as Record<string, unknown>;
}

/** A milestone's status and progress, as the row's form posts them, with the version it showed. */
export function milestoneUpdateBody(data: FormData): { id: string; body: Record<string, unknown> } {
  const values = formValues(data, ['id', 'status', 'progress', 'version']);
  return {
    id: values.id,
    body: JSON.parse(
      JSON.stringify({
        status: values.status || undefined,
        progress: number(values.progress),
        version: Number(values.version),
      }),
    ) as Record<string, unknown>,
  };
}

/**
 * The figures typed into the report's rows, one row per target indicator (`indicators.N.indicator`
 * is hidden); only the rows with a figure are sent, each with the form row it came from.
 */
function typedFigures(data: FormData) {
  return rowIndices(data, 'indicators').flatMap((row) => {
    const indicator = field(data, `indicators.${row}.indicator`);
    const women = field(data, `indicators.${row}.women`);
    const men = field(data, `indicators.${row}.men`);
    return indicator && (women || men) ? [{ row, indicator, women: figure(women), men: figure(men) }] : [];
  });
}

const sentFigures = (data: FormData) =>
  typedFigures(data).map(({ indicator, women, men }) => ({ indicator, women, men }));

const reportFields = ['period.start', 'period.end', 'narrative'] as const;

/** A new draft report as posted; `compiled` is the lead's checkbox. */
export function reportBody(data: FormData): Record<string, unknown> {
  const values = formValues(data, ['organisationId', ...reportFields]);
  return {
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
    compiled: data.get('compiled') === 'on',
    period: { start: values['period.start'], end: values['period.end'] },
    narrative: values.narrative,
    indicators: sentFigures(data),
  };
}

/**
 * A draft's changes as its edit form posts them, with the version it showed: the period, the
 * narrative and the figures, all replaced (the organisation and the compiled flag never change).
 */
export function reportUpdateBody(data: FormData): { id: string; body: Record<string, unknown> } {
  const values = formValues(data, ['id', 'version', ...reportFields]);
  return {
    id: values.id,
    body: {
      period: { start: values['period.start'], end: values['period.end'] },
      narrative: values.narrative,
      indicators: sentFigures(data),
      version: Number(values.version),
    },
  };
}

/** What the user typed into a report form, kept when it comes back refused or reloaded. */
export function reportInput(data: FormData): Record<string, string> {
  const kept: Record<string, string> = formValues(data, ['id', 'version', 'organisationId', ...reportFields]);
  if (data.get('compiled') === 'on') kept.compiled = 'on';
  for (const [key, value] of data)
    if (/^indicators\.\d+\.(women|men)$/.test(key) && typeof value === 'string') kept[key] = value;
  return kept;
}

/** A draft in its edit form: its period, narrative and figures on the rows of the pilot's targets. */
export function reportFormValues(
  report: PilotReport,
  targets: readonly { indicator: string }[],
): Record<string, string> {
  const values: Record<string, string> = {
    id: report.id,
    version: String(report.version),
    'period.start': report.period.start,
    'period.end': report.period.end,
    narrative: report.narrative,
  };
  const text = (value: number | null | undefined) =>
    value === null || value === undefined ? '' : String(value);
  targets.forEach((target, index) => {
    const reported = report.indicators.find((row) => row.indicator === target.indicator);
    values[`indicators.${index}.women`] = text(reported?.women);
    values[`indicators.${index}.men`] = text(reported?.men);
  });
  return values;
}

/** The figures' messages, by the paths the contract and the API give them (their place among those sent). */
export function figureFields(data: FormData): FieldMessages {
  const fields: FieldMessages = {};
  typedFigures(data).forEach((_, index) => {
    fields[`indicators.${index}.indicator`] = m.pilots_report_error_indicator;
    fields[`indicators.${index}.women`] = m.practice_error_number;
    fields[`indicators.${index}.men`] = m.practice_error_number;
  });
  return fields;
}

/**
 * Issues name a figure by its place among those sent (`indicators.1.women`) while the form shows
 * every target: each message moves to the row it was typed in.
 */
export function onFormRows(errors: Record<string, string>, data: FormData): Record<string, string> {
  const rows = typedFigures(data).map((figure) => figure.row);
  const moved: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const match = /^indicators\.(\d+)\.(.+)$/.exec(path);
    const row = match ? rows[Number(match[1])] : undefined;
    moved[match && row !== undefined ? `indicators.${row}.${match[2]}` : path] = message;
  }
  return moved;
}

/**
 * The pilot's targets with the latest submitted compiled report's figures (the lead's report for
 * the whole pilot), as the progress chart and table take them.
 */
export function progressIndicators(pilot: Pilot, reports: readonly PilotReport[]): ProgressIndicator[] {
  const latest = reports
    .filter((r) => r.compiled && r.submittedAt)
    .sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''))[0];
  return (pilot.content.indicators ?? []).map((target) => {
    const reported = latest?.indicators.find((row) => row.indicator === target.indicator);
    return {
      indicator: target.indicator,
      unit: target.unit ?? null,
      target: { women: target.women ?? null, men: target.men ?? null },
      actual: { women: reported?.women ?? null, men: reported?.men ?? null },
    };
  });
}

/** The partner organisations (accepted, the lead included) the user reports for. */
export function reportingOrganisations(locals: App.Locals, pilot: Pilot) {
  const mine = new Set(
    locals.memberships
      .filter((m) => m.status === 'active' && m.organisationStatus === 'verified')
      .map((m) => m.organisationId),
  );
  return pilot.partners
    .filter((p) => p.status === 'accepted' && mine.has(p.organisation.id))
    .map((p) => ({ value: p.organisation.id, label: p.organisation.name }));
}

import type { Pilot, PilotReport } from '@pathways/contracts';
import type { ProgressIndicator } from '$lib/pilots/progress-chart';
import { formValues } from './form';

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
 * A draft report as posted: one row per target indicator (`indicators.N.indicator` is hidden), and
 * only the rows with a figure are sent; `compiled` is the lead's checkbox.
 */
export function reportBody(data: FormData): Record<string, unknown> {
  const values = formValues(data, ['organisationId', 'period.start', 'period.end', 'narrative']);
  const rows: { indicator: string; women: number | string | null; men: number | string | null }[] = [];
  for (let index = 0; index < 50; index++) {
    const row = formValues(data, [
      `indicators.${index}.indicator`,
      `indicators.${index}.women`,
      `indicators.${index}.men`,
    ]);
    const indicator = row[`indicators.${index}.indicator`];
    if (!indicator) continue;
    const women = row[`indicators.${index}.women`];
    const men = row[`indicators.${index}.men`];
    if (!women && !men) continue;
    rows.push({ indicator, women: figure(women), men: figure(men) });
  }
  return {
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
    compiled: data.get('compiled') === 'on',
    period: { start: values['period.start'], end: values['period.end'] },
    narrative: values.narrative,
    indicators: rows,
  };
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

import {
  type PilotContent,
  type PilotReportIndicator,
  PracticeContent,
  type PracticeIndicator,
} from '@pathways/contracts';

/** What a pilot's latest submitted progress report contributes: its values and the year it covers. */
export interface ReportedValues {
  indicators: readonly PilotReportIndicator[];
  /** The year the report's period ends in. */
  year: number;
}

export const pilotReportSource = 'Pilot progress report';

const key = (name: string) => name.trim().toLowerCase();

/**
 * The pilot's target indicators with the values its latest report gave for women and men. A target
 * is not a result, so an indicator the report does not cover starts without figures for the authors
 * to fill in; values reported for indicators outside the targets are kept after them.
 */
function indicatorsOf(
  targets: PilotContent['indicators'],
  report: ReportedValues | null,
): PracticeIndicator[] {
  const reported = new Map((report?.indicators ?? []).map((r) => [key(r.indicator), r]));
  const rows: PracticeIndicator[] = (targets ?? []).map((target) => {
    const value = reported.get(key(target.indicator));
    reported.delete(key(target.indicator));
    return {
      indicator: target.indicator,
      women: value?.women ?? null,
      men: value?.men ?? null,
      ...(target.unit ? { unit: target.unit } : {}),
      ...(value && report ? { year: report.year, source: pilotReportSource } : {}),
    };
  });
  for (const value of reported.values()) {
    rows.push({
      indicator: value.indicator,
      women: value.women ?? null,
      men: value.men ?? null,
      year: report!.year,
      source: pilotReportSource,
    });
  }
  return rows.slice(0, 100);
}

/**
 * The first version of a good practice grown out of a completed pilot (issue 5): what the pilot
 * already says, mapped onto the practice's fields. The objectives describe what was done and the
 * expected results become the outcomes, for the authors to rewrite as what actually happened.
 */
export function practiceContentFromPilot(
  pilot: PilotContent,
  partnerNames: readonly string[],
  report: ReportedValues | null,
): PracticeContent {
  const content: PracticeContent = {
    ...(pilot.title ? { title: pilot.title } : {}),
    ...(pilot.summary ? { summary: pilot.summary } : {}),
    ...(pilot.objectives ? { description: pilot.objectives } : {}),
    ...(pilot.expectedResults ? { outcomes: pilot.expectedResults } : {}),
    themes: [...(pilot.themes ?? [])],
    stages: [...(pilot.stages ?? [])],
    countries: (pilot.countries ?? []).map((c) => ({ code: c.code, role: c.role })),
    frameworks: [...(pilot.frameworks ?? [])],
    partners: [...new Set(partnerNames.map((n) => n.trim().slice(0, 200)).filter(Boolean))].slice(0, 50),
    ...(pilot.period?.start || pilot.period?.end
      ? {
          period: {
            ...(pilot.period.start ? { start: pilot.period.start } : {}),
            ...(pilot.period.end ? { end: pilot.period.end } : {}),
          },
        }
      : {}),
    indicators: indicatorsOf(pilot.indicators, report),
    ...(pilot.language ? { language: pilot.language } : {}),
  };
  // Both schemas share their limits and vocabularies; parsing keeps the draft a valid one regardless.
  return PracticeContent.parse(content);
}

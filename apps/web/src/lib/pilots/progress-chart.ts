/** Women's and men's figures of one indicator; either may be missing. */
export interface BySex {
  women?: number | null;
  men?: number | null;
}

/** One indicator of a pilot: the latest reported figures against the targets. */
export interface ProgressIndicator {
  indicator: string;
  unit?: string | null;
  target: BySex;
  actual: BySex;
}

export type Sex = 'women' | 'men';
export const sexes: readonly Sex[] = ['women', 'men'];

export interface ProgressBar {
  sex: Sex;
  actual: number | null;
  target: number | null;
  /** Actual over target (0.75 for 75 of 100), or null without both figures or with a target of 0 or less. */
  share: number | null;
  /** The bar's length as a share of the plot, 0 to 1. */
  ratio: number;
  /** Where the target line goes, 0 to 1, or null without a target. */
  targetRatio: number | null;
}

export interface ProgressGroup {
  key: number;
  indicator: string;
  unit: string | null;
  bars: ProgressBar[];
}

const figure = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** How much of its target a figure reached: 1 is the target met, above 1 exceeded. */
export function shareOfTarget(
  actual: number | null | undefined,
  target: number | null | undefined,
): number | null {
  const a = figure(actual);
  const t = figure(target);
  return a === null || t === null || t <= 0 ? null : a / t;
}

/**
 * The bars of a progress chart, in the order given. Indicators with no figure at all are left out
 * (the table still lists them). Each indicator has its own unit, so each is scaled to its own
 * largest figure, target or actual: the longer of a bar and its target line fills the plot.
 */
export function progressGroups(indicators: readonly ProgressIndicator[]): ProgressGroup[] {
  return indicators.flatMap((row, key) => {
    const values = sexes.flatMap((sex) => [figure(row.actual[sex]), figure(row.target[sex])]);
    if (values.every((v) => v === null)) return [];
    const largest = Math.max(0, ...values.map((v) => v ?? 0)) || 1;
    const scale = (v: number) => Math.max(0, v) / largest;
    const bars = sexes.map((sex): ProgressBar => {
      const actual = figure(row.actual[sex]);
      const target = figure(row.target[sex]);
      return {
        sex,
        actual,
        target,
        share: shareOfTarget(actual, target),
        ratio: actual === null ? 0 : scale(actual),
        targetRatio: target === null ? null : scale(target),
      };
    });
    return [{ key, indicator: row.indicator, unit: row.unit ?? null, bars }];
  });
}

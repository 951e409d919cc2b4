import type { PilotReport } from '@pathways/contracts';
import { formatDate } from '$lib/format';
import { getLocale } from '$lib/paraglide/runtime';

/** A report's period in words, e.g. "1 Jan 2027 – 30 Jun 2027". */
export const reportPeriod = (report: Pick<PilotReport, 'period'>): string =>
  `${formatDate(report.period.start, getLocale())} – ${formatDate(report.period.end, getLocale())}`;

import { pilotReportingSettings, type ReportingThresholds } from '@pathways/contracts';
import type { ApiConfig } from '../config/api-config';

export const REPORTING_THRESHOLDS = Symbol('REPORTING_THRESHOLDS');

/** The light's thresholds from the API's configuration (PILOT_REPORTING_*, scaled by DAY_SECONDS). */
export function reportingThresholdsOf(config: ApiConfig): ReportingThresholds {
  const { yellowAfterMs, redAfterMs } = pilotReportingSettings(config, config.DAY_SECONDS).settings;
  return { yellowAfterMs, redAfterMs };
}

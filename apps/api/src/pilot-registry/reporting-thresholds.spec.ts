import { defaultReportingThresholds } from '@pathways/contracts';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/api-config';
import { loadReportingThresholds } from './reporting-thresholds';

describe('loadReportingThresholds', () => {
  it('defaults to 12 and 24 months, as reportingStatus() counts them', () => {
    expect(loadReportingThresholds({}, 86_400)).toEqual(defaultReportingThresholds);
  });

  it('scales months by the length of a day', () => {
    const t = loadReportingThresholds(
      { PILOT_REPORTING_YELLOW_AFTER: '1', PILOT_REPORTING_RED_AFTER: '2' },
      10,
    );
    expect(t).toEqual({
      yellowAfterMs: Math.round((365.25 / 12) * 10_000),
      redAfterMs: Math.round((365.25 / 6) * 10_000),
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadReportingThresholds({ PILOT_REPORTING_YELLOW_AFTER: 'soon' }, 86_400)).toThrow(
      /PILOT_REPORTING_YELLOW_AFTER/,
    );
    expect(() =>
      loadReportingThresholds({ PILOT_REPORTING_YELLOW_AFTER: '6', PILOT_REPORTING_RED_AFTER: '3' }, 86_400),
    ).toThrow(ConfigError);
  });
});

import { describe, expect, it } from 'vitest';
import { reportingStatus } from './pilot-progress';

const thresholds = { yellowAfterMs: 1000, redAfterMs: 2000 };
const at = (ms: number) => new Date(ms);

describe('reportingStatus', () => {
  it('turns from green to yellow to red as the last report ages, at the thresholds', () => {
    expect(reportingStatus(at(0), at(0), at(999), thresholds)).toBe('green');
    expect(reportingStatus(at(0), at(0), at(1000), thresholds)).toBe('yellow');
    expect(reportingStatus(at(0), at(0), at(1999), thresholds)).toBe('yellow');
    expect(reportingStatus(at(0), at(0), at(2000), thresholds)).toBe('red');
  });

  it('measures a pilot that never reported from its activation, and gives none before it', () => {
    expect(reportingStatus(null, at(500), at(1200), thresholds)).toBe('green');
    expect(reportingStatus(null, at(0), at(2500), thresholds)).toBe('red');
    expect(reportingStatus(null, null, at(2500), thresholds)).toBe('none');
  });

  it('uses 12 and 24 months by default', () => {
    const activated = new Date('2025-01-01T00:00:00Z');
    expect(reportingStatus(null, activated, new Date('2025-12-01T00:00:00Z'))).toBe('green');
    expect(reportingStatus(null, activated, new Date('2026-06-01T00:00:00Z'))).toBe('yellow');
    expect(reportingStatus(null, activated, new Date('2027-02-01T00:00:00Z'))).toBe('red');
  });
});

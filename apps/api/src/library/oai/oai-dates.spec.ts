import { describe, expect, it } from 'vitest';
import { oaiDatestamp, parseOaiDate } from './oai-dates';

describe('OAI-PMH dates', () => {
  it('reads a day as the whole UTC day', () => {
    expect(parseOaiDate('2026-02-28')).toEqual({
      granularity: 'day',
      start: new Date('2026-02-28T00:00:00Z'),
      end: new Date('2026-03-01T00:00:00Z'),
    });
  });

  it('reads a second as that second', () => {
    expect(parseOaiDate('2026-12-31T23:59:59Z')).toEqual({
      granularity: 'second',
      start: new Date('2026-12-31T23:59:59Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '2025-02-29',
    '2026-01-01T24:00:00Z',
    '2026-01-01T10:60:00Z',
    '2026-01-01T10:00:00',
    '2026-01-01T10:00:00.000Z',
    '2026-01-01T10:00Z',
    '2026-01-01T10:00:00+01:00',
    '2026-1-1',
    '0099-01-01',
    ' 2026-01-01',
    '',
    'yesterday',
  ])('refuses %j', (value) => {
    expect(parseOaiDate(value)).toBeNull();
  });

  it('accepts a leap day', () => {
    expect(parseOaiDate('2024-02-29')?.start).toEqual(new Date('2024-02-29T00:00:00Z'));
  });

  it('writes datestamps to the second, truncated', () => {
    expect(oaiDatestamp(new Date('2026-03-04T05:06:07.999Z'))).toBe('2026-03-04T05:06:07Z');
  });
});

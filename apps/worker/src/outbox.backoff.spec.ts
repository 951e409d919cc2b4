import { describe, expect, it } from 'vitest';
import {
  isOutboxRowDue,
  outboxDueAt,
  outboxRemainingDelayMs,
  outboxRetryDelaySeconds,
} from './outbox.backoff';

const createdAt = new Date('2026-11-28T12:00:00.000Z');
const at = (seconds: number) => new Date(createdAt.getTime() + seconds * 1_000);

describe('outboxRetryDelaySeconds', () => {
  it('is zero for a row never tried, then doubles each gap', () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => outboxRetryDelaySeconds(a))).toEqual([0, 2, 6, 14, 30, 62]);
  });

  it('caps each gap at 2^max seconds so a broken row is still retried regularly', () => {
    expect(outboxRetryDelaySeconds(3, 3)).toBe(14);
    expect(outboxRetryDelaySeconds(4, 3)).toBe(22);
    expect(outboxRetryDelaySeconds(5, 3)).toBe(30);
    const gaps = [10, 11, 12, 13].map((a) => outboxRetryDelaySeconds(a) - outboxRetryDelaySeconds(a - 1));
    expect(gaps).toEqual([512, 512, 512, 512]);
  });

  it('treats odd counts as their nearest sane value', () => {
    expect(outboxRetryDelaySeconds(-1)).toBe(0);
    expect(outboxRetryDelaySeconds(1.7)).toBe(2);
  });
});

describe('isOutboxRowDue', () => {
  it('relays a fresh row at once', () => {
    expect(isOutboxRowDue({ createdAt, attempts: 0, delayMs: null }, createdAt)).toBe(true);
  });

  it('skips a failed row until its backoff has passed', () => {
    const row = { createdAt, attempts: 2, delayMs: null };
    expect(outboxDueAt(row)).toEqual(at(6));
    expect(isOutboxRowDue(row, at(5.999))).toBe(false);
    expect(isOutboxRowDue(row, at(6))).toBe(true);
  });
});

describe('outboxRemainingDelayMs', () => {
  it('adds no delay when the row has none', () => {
    expect(outboxRemainingDelayMs({ createdAt, attempts: 0, delayMs: null }, at(1))).toBeUndefined();
  });

  it('counts the delay from when the row was written', () => {
    const row = { createdAt, attempts: 0, delayMs: 60_000 };
    expect(outboxRemainingDelayMs(row, createdAt)).toBe(60_000);
    expect(outboxRemainingDelayMs(row, at(45))).toBe(15_000);
    expect(outboxRemainingDelayMs(row, at(600))).toBe(0);
  });
});

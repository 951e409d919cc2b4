/**
 * Retry schedule for outbox rows that could not be relayed. The table records only when a row was
 * created and how often it failed, so the schedule is anchored at `createdAt`: after `n` failures a
 * row waits until createdAt + 2 + 4 + ... + 2^n seconds, each gap capped at 2^MAX_GAP_EXPONENT s.
 */
export const OUTBOX_MAX_GAP_EXPONENT = 9; // 512 s: a broken row is retried about every 8.5 minutes

/** Seconds after `createdAt` before a row that failed `attempts` times is tried again. */
export function outboxRetryDelaySeconds(attempts: number, maxExponent = OUTBOX_MAX_GAP_EXPONENT): number {
  const a = Math.max(0, Math.floor(attempts));
  if (a <= maxExponent) return 2 ** (a + 1) - 2;
  return 2 ** (maxExponent + 1) - 2 + (a - maxExponent) * 2 ** maxExponent;
}

export interface OutboxSchedule {
  createdAt: Date;
  attempts: number;
  delayMs: number | null;
}

export function outboxDueAt(row: OutboxSchedule): Date {
  return new Date(row.createdAt.getTime() + outboxRetryDelaySeconds(row.attempts) * 1_000);
}

export function isOutboxRowDue(row: OutboxSchedule, now: Date): boolean {
  return outboxDueAt(row).getTime() <= now.getTime();
}

/**
 * The same schedule in SQL, so the claim query skips rows that are backing off instead of letting
 * them fill the batch ahead of rows that are ready.
 */
export function outboxDueAtSql(alias: string, maxExponent = OUTBOX_MAX_GAP_EXPONENT): string {
  const cap = 2 ** maxExponent;
  const a = `${alias}.attempts`;
  return (
    `${alias}.created_at + make_interval(secs => case when ${a} <= ${maxExponent} ` +
    `then power(2, ${a} + 1) - 2 else ${2 * cap - 2} + (${a} - ${maxExponent}) * ${cap} end)`
  );
}

/**
 * A delay counts from when the work was written, not from when it reached Redis, so a reminder
 * relayed late (Redis was down) still fires on time; one already overdue runs at once.
 */
export function outboxRemainingDelayMs(row: OutboxSchedule, now: Date): number | undefined {
  if (row.delayMs === null) return undefined;
  return Math.max(0, row.createdAt.getTime() + row.delayMs - now.getTime());
}

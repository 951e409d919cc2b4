import type { z } from 'zod';

/** A job whose data does not match its registered schema: retrying cannot fix it. */
export class JobPayloadError extends Error {
  override readonly name = 'JobPayloadError';

  constructor(
    readonly queue: string,
    readonly job: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(`Invalid payload for ${queue}/${job}: ${formatIssues(issues)}`);
  }
}

/** One `path: message` per issue, so the failed-job reason names each bad field. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `${i.path.length ? i.path.join('.') : '(payload)'}: ${i.message}`).join('; ');
}

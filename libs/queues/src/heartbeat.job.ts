import { z } from 'zod';

export const HeartbeatJob = {
  Beat: 'beat',
} as const;

/** Who asked for the beat: `scheduler` (the worker's own job scheduler), `api`, `test`, ... */
export const HeartbeatPayload = z.strictObject({
  source: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'lowercase word, at most 32 characters'),
});
export type HeartbeatPayload = z.infer<typeof HeartbeatPayload>;

/** Deterministic, so every worker replica upserts the same scheduler instead of adding one each. */
export const HEARTBEAT_SCHEDULER_ID = 'heartbeat-every';

export interface HeartbeatResult {
  at: string;
  workerId: string;
  source: string;
}

import { z } from 'zod';

export const HealthCheck = z.object({ status: z.enum(['up', 'down']), error: z.string().optional() });
export const Readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: HealthCheck, redis: HealthCheck }),
  /** Last heartbeat the worker processed, if any: the queue works end to end. */
  workerHeartbeatAt: z.iso.datetime().nullable(),
});
export type Readiness = z.infer<typeof Readiness>;

import type { DefaultJobOptions } from 'bullmq';
import { z } from 'zod';

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Applied to every queue. Five attempts with exponential backoff (1 s, 2 s, 4 s, 8 s) ride out a
 * short outage of SMTP or the database. Completed jobs are trimmed quickly; failed ones stay two
 * weeks so an admin can see and retry them.
 */
export const defaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: DAY_SECONDS, count: 1_000 },
  removeOnFail: { age: 14 * DAY_SECONDS, count: 5_000 },
} as const satisfies DefaultJobOptions;

/**
 * A caller-chosen id makes adding idempotent: BullMQ ignores a second add with the same id while
 * the first is retained. BullMQ rejects integer-looking ids and ids containing `:`.
 */
export const JobId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,128}$/, 'letters, digits, ".", "_" or "-", at most 128 characters')
  .refine((id) => !/^\d+$/.test(id), 'must not be an integer');

export const EnqueueOptions = z.strictObject({
  jobId: JobId.optional(),
  delay: z.number().int().min(0).optional(),
  priority: z.number().int().min(0).max(2_097_151).optional(),
});
export type EnqueueOptions = z.input<typeof EnqueueOptions>;

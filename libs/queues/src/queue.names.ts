/**
 * Queues by concern (DESIGN §6). Only `heartbeat` exists today; `review`, `reminders`,
 * `notifications` and `publishing` join this object, and the job registry, when their handlers do,
 * because the worker refuses to boot with a registered job that nothing handles.
 */
export const QueueName = {
  Heartbeat: 'heartbeat',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const queueNames: readonly QueueName[] = Object.values(QueueName);

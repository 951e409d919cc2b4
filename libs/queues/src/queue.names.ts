/**
 * Queues by concern (DESIGN §6). `review` and `publishing` join this object, and the
 * job registry, when their handlers do, because the worker refuses to boot with a registered job
 * that nothing handles.
 */
export const QueueName = {
  Heartbeat: 'heartbeat',
  Notifications: 'notifications',
  Reminders: 'reminders',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const queueNames: readonly QueueName[] = Object.values(QueueName);

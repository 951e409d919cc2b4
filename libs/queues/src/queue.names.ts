/**
 * Queues by concern (DESIGN §6). A queue joins this object and the job registry together with its
 * processor, because the worker refuses to boot with a registered job that nothing handles.
 */
export const QueueName = {
  Heartbeat: 'heartbeat',
  Notifications: 'notifications',
  Reminders: 'reminders',
  Review: 'review',
  Publishing: 'publishing',
  /** Pilots' invitations and state changes (issue 5). */
  Pilots: 'pilots',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const queueNames: readonly QueueName[] = Object.values(QueueName);

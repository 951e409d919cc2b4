import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Work to hand to a queue, written in the same transaction as the change that causes it, so losing
 * Redis loses nothing. The worker relays rows to BullMQ with the row id as the job id (idempotent).
 */
@Entity()
@Index({
  name: 'outbox_message_pending_index',
  expression:
    'create index "outbox_message_pending_index" on "outbox_message" ("created_at") where "relayed_at" is null',
})
export class OutboxMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'text' })
  queue!: string;

  @Property({ type: 'text' })
  jobName!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  /**
   * Delay from `createdAt` before the job may run (reminders), applied when it is relayed. A bigint:
   * review timers reach past the 24 days an integer of milliseconds holds.
   */
  @Property({ type: new BigIntType('number'), nullable: true })
  delayMs: number | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null = null;

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;
}

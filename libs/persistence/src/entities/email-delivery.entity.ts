import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

export type EmailDeliveryStatus = 'sending' | 'sent';

/**
 * The mail log: one row per e-mail, keyed by an idempotency key (the event and recipient it is
 * for), so a retried or re-relayed job never sends the same e-mail twice. Admins read it too, which
 * is how mail stays visible on a machine without a mail server.
 */
@Entity()
@Check({ name: 'email_delivery_status_check', expression: "status in ('sending', 'sent')" })
@Index({ properties: ['createdAt'] })
export class EmailDelivery {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'text', unique: true })
  key!: string;

  @Property({ type: 'text' })
  to!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text' })
  locale: string & Opt = 'en';

  @Property({ type: 'text' })
  status: EmailDeliveryStatus & Opt = 'sending';

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;
}

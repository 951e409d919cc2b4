import { randomUUID } from 'node:crypto';
import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** Append-only record of who did what to which record (admin decisions, role changes, memberships). */
@Entity()
@Index({ properties: ['subjectType', 'subjectId'] })
export class AuditEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** Kept as a plain id so the trail outlives the account. */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'json', nullable: true })
  data: Record<string, unknown> | null = null;

  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;

  @Property({ type: 'timestamptz' })
  @Index()
  createdAt: Date & Opt = new Date();
}

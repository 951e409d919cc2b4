import { randomUUID } from 'node:crypto';
import { Entity, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * Append-only log of every transition. Each event stores the hash of the previous event of the same
 * record, so an edited or deleted row breaks the chain and verification finds where.
 */
@Entity()
@Unique({ properties: ['entityType', 'entityId', 'sequence'] })
@Index({ properties: ['entityType', 'entityId'] })
export class WorkflowEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'text' })
  workflow!: string;

  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  /** 1, 2, 3… per record; the unique index turns a lost race into an error, never a fork. */
  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'text' })
  transition!: string;

  @Property({ type: 'text' })
  fromState!: string;

  @Property({ type: 'text' })
  toState!: string;

  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'json', nullable: true })
  payload: Record<string, unknown> | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'text', nullable: true })
  prevHash: string | null = null;

  @Property({ type: 'text' })
  hash!: string;
}

import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { PracticeContent } from '@pathways/contracts';
import { Practice } from './practice.entity';
import { User } from './user.entity';

/** One round of a practice's content; immutable once submitted (a new round makes a new version). */
@Entity()
@Unique({ properties: ['practice', 'number'] })
export class PracticeVersion {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Practice, { deleteRule: 'cascade' })
  practice!: Practice;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'json' })
  content: PracticeContent & Opt = {};

  @Property({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null = null;

  /** When this version was first published; a published version never changes, nor do its attachments. */
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy: User | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

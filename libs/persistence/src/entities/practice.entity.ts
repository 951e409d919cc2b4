import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import type { PracticeStatus } from '@pathways/contracts';
import { Organisation } from './organisation.entity';
import type { Pilot } from './pilot.entity';
import type { PracticeVersion } from './practice-version.entity';
import { User } from './user.entity';

/** A good practice: its owner, where it is in the workflow, which version is current and which published. */
@Entity()
@Check({
  name: 'practice_status_check',
  expression:
    "status in ('draft', 'submitted', 'screening', 'in_review', 'revisions_requested', 'resubmitted', 'accepted', 'published', 'rejected', 'withdrawn', 'retracted')",
})
export class Practice {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'text', unique: true })
  slug!: string;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  @Index()
  organisation!: Organisation;

  @Property({ type: 'text', index: true })
  status: PracticeStatus & Opt = 'draft';

  // A string reference: the two entities point at each other.
  @ManyToOne('PracticeVersion', { nullable: true, deleteRule: 'set null', ref: true })
  currentVersion: Ref<PracticeVersion> | null = null;

  /** The version the library shows; it stays while a revision of the practice goes through review. */
  @ManyToOne('PracticeVersion', { nullable: true, deleteRule: 'set null', ref: true })
  publishedVersion: Ref<PracticeVersion> | null = null;

  /** The pilot whose results this practice reports, when it grew out of one (issue 5). */
  @ManyToOne('Pilot', { nullable: true, deleteRule: 'set null', ref: true, index: true })
  pilot: Ref<Pilot> | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy: User | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ version: true, type: 'integer' })
  version!: number & Opt;
}

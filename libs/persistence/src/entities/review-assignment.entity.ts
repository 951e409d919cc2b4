import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { InvitationOrigin, ReviewInput } from '@pathways/contracts';
import { Practice } from './practice.entity';
import { PracticeVersion } from './practice-version.entity';
import { User } from './user.entity';

export type ReviewAssignmentStatus =
  'invited' | 'accepted' | 'declined' | 'expired' | 'overdue' | 'submitted';

/**
 * A reviewer's invitation to review one version of a practice, and the review they write. Its
 * status is driven by the review-assignment workflow (libs/workflow).
 */
@Entity()
@Unique({ properties: ['practiceVersion', 'reviewer'] })
@Index({ properties: ['reviewer', 'status'] })
@Check({
  name: 'review_assignment_status_check',
  expression: "status in ('invited', 'accepted', 'declined', 'expired', 'overdue', 'submitted')",
})
@Check({
  name: 'review_assignment_origin_check',
  expression: "origin in ('editor', 'backup', 'disagreement')",
})
export class ReviewAssignment {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Practice, { deleteRule: 'cascade' })
  @Index()
  practice!: Practice;

  @ManyToOne(() => PracticeVersion, { deleteRule: 'cascade' })
  practiceVersion!: PracticeVersion;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  reviewer!: User;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  invitedBy: User | null = null;

  @Property({ type: 'text' })
  status: ReviewAssignmentStatus & Opt = 'invited';

  /** Invited by an editor, or automatically by the policy (a backup, or an extra on disagreement). */
  @Property({ type: 'text' })
  origin: InvitationOrigin & Opt = 'editor';

  @Property({ type: 'timestamptz' })
  invitedAt: Date & Opt = new Date();

  /** When the invitation expires if unanswered (policy: 7 days). */
  @Property({ type: 'timestamptz' })
  respondBy!: Date;

  /** Set on acceptance (policy: 21 days). */
  @Property({ type: 'timestamptz', nullable: true })
  dueAt: Date | null = null;

  /** "none" or the conflict the reviewer declared on acceptance. */
  @Property({ type: 'text', nullable: true })
  conflictDeclaration: string | null = null;

  @Property({ type: 'json', nullable: true })
  review: ReviewInput | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ version: true, type: 'integer' })
  version!: number & Opt;
}

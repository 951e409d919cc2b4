import { Check, Entity, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { BlindMode } from '@pathways/contracts';
import { User } from './user.entity';

/**
 * The review policy (DESIGN §4): one row, `id = 'default'`, written when an admin first saves it.
 * Until then the defaults in @pathways/contracts apply.
 */
@Entity()
@Check({ name: 'review_policy_blind_mode_check', expression: "blind_mode in ('single', 'double')" })
@Check({
  name: 'review_policy_days_check',
  expression:
    'reviewers_required between 1 and 10 and invitation_window_days >= 1 and review_due_days >= 1 ' +
    'and remind_before_due_days >= 0 and remind_before_due_days < review_due_days ' +
    'and remind_after_due_days >= 0 and escalate_after_overdue_days >= 0',
})
export class ReviewPolicy {
  @PrimaryKey({ type: 'text' })
  id: string & Opt = 'default';

  @Property({ type: 'integer' })
  reviewersRequired!: number;

  @Property({ type: 'boolean' })
  requireUnEntityReviewer!: boolean;

  @Property({ type: 'text' })
  blindMode!: BlindMode;

  @Property({ type: 'integer' })
  invitationWindowDays!: number;

  @Property({ type: 'integer' })
  reviewDueDays!: number;

  @Property({ type: 'integer' })
  remindBeforeDueDays!: number;

  @Property({ type: 'boolean' })
  remindOnDue!: boolean;

  @Property({ type: 'integer' })
  remindAfterDueDays!: number;

  @Property({ type: 'integer' })
  escalateAfterOverdueDays!: number;

  @Property({ type: 'boolean' })
  inviteBackupReviewer!: boolean;

  @Property({ type: 'boolean' })
  extraReviewerOnDisagreement!: boolean;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  updatedBy: User | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ version: true, type: 'integer' })
  version!: number & Opt;
}

import { AssignmentPayload } from './reminder.job';

export const ReviewJob = {
  /** decline/expire effect: invite the best-ranked remaining reviewer if the panel is short. */
  InviteBackup: 'invite-backup',
  /** submit effect: an extra reviewer on disagreement; "reviews complete" to the editors. */
  CheckPanel: 'check-panel',
  /** Timer at due date + escalation offset: tell the editors a review is overdue. */
  EscalateOverdue: 'escalate-overdue',
} as const;

export const EscalateOverduePayload = AssignmentPayload;

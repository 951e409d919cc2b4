import { defineWorkflow } from '../definition';

export const reviewAssignmentStates = [
  'invited',
  'accepted',
  'declined',
  'expired',
  'overdue',
  'submitted',
] as const;
export type ReviewAssignmentState = (typeof reviewAssignmentStates)[number];

export type ReviewAssignmentTransition = 'accept' | 'decline' | 'expire' | 'mark_overdue' | 'submit';

export interface ReviewAssignmentContext {
  /** The reviewer answered the conflict-of-interest declaration. */
  conflictDeclared: boolean;
  /** Required rubric scores and the recommendation that are still missing. */
  missingReviewFields: readonly string[];
}

/** DESIGN §4: a reviewer's invitation, from acceptance (with a conflict declaration) to a submitted review. */
export const reviewAssignmentWorkflow = defineWorkflow<
  ReviewAssignmentState,
  ReviewAssignmentTransition,
  ReviewAssignmentContext
>({
  name: 'review-assignment',
  initial: 'invited',
  states: reviewAssignmentStates,
  transitions: {
    accept: {
      from: ['invited'],
      to: 'accepted',
      guard: ({ conflictDeclared }) => (conflictDeclared ? null : 'Declare any conflict of interest first.'),
      effects: ['reminders.schedule-review-reminders'],
    },
    decline: { from: ['invited'], to: 'declined', effects: ['review.invite-backup'] },
    expire: { from: ['invited'], to: 'expired', effects: ['review.invite-backup'] },
    mark_overdue: { from: ['accepted'], to: 'overdue', effects: ['review.escalate-overdue'] },
    submit: {
      from: ['accepted', 'overdue'],
      to: 'submitted',
      guard: ({ missingReviewFields }) =>
        missingReviewFields.length ? `Complete the review first: ${missingReviewFields.join(', ')}.` : null,
      effects: ['review.check-panel'],
    },
  },
});

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
      // Sets the review's timers: reminders before, on and after the due date, overdue, escalation.
      effects: ['reminders.schedule-review-reminders'],
    },
    // A backup reviewer is invited automatically if the policy says so and the panel is short.
    decline: { from: ['invited'], to: 'declined', effects: ['review.invite-backup'] },
    expire: { from: ['invited'], to: 'expired', effects: ['review.invite-backup'] },
    // Fired by the due-date timer. The reviewer's on-due reminder and the editors' escalation are
    // timers of their own, set on acceptance (reminders.schedule-review-reminders).
    mark_overdue: { from: ['accepted'], to: 'overdue' },
    submit: {
      from: ['accepted', 'overdue'],
      to: 'submitted',
      guard: ({ missingReviewFields }) =>
        missingReviewFields.length ? `Complete the review first: ${missingReviewFields.join(', ')}.` : null,
      // An extra reviewer on disagreement; "reviews complete" to the editors.
      effects: ['review.check-panel'],
    },
  },
});

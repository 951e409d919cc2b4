import { z } from 'zod';

export const ReminderJob = {
  ExpireInvitation: 'expire-invitation',
  ScheduleReviewReminders: 'schedule-review-reminders',
  RemindReviewer: 'remind-reviewer',
  MarkOverdue: 'mark-overdue',
} as const;

/** A job about one review assignment; the handler re-reads it when the job runs. */
export const AssignmentPayload = z.strictObject({
  assignmentId: z.uuid('assignmentId must be a UUID'),
});
export type AssignmentPayload = z.infer<typeof AssignmentPayload>;

/** Delayed until the invitation's answer-by date; the handler re-checks the state when it fires. */
export const ExpireInvitationPayload = AssignmentPayload;
export type ExpireInvitationPayload = z.infer<typeof ExpireInvitationPayload>;

/** When, relative to the due date, a reminder is sent (review policy offsets). */
export const reminderMoments = ['before_due', 'on_due', 'after_due'] as const;
export type ReminderMoment = (typeof reminderMoments)[number];

export const RemindReviewerPayload = z.strictObject({
  assignmentId: z.uuid('assignmentId must be a UUID'),
  moment: z.enum(reminderMoments, { error: `moment is one of: ${reminderMoments.join(', ')}` }),
});
export type RemindReviewerPayload = z.infer<typeof RemindReviewerPayload>;

/**
 * Deterministic ids of the timers set when a reviewer accepts (`review-<assignment>-<timer>`), so
 * scheduling twice (a re-run effect) adds each timer once.
 */
export const reviewTimerIds = {
  before_due: (assignmentId: string) => `review-${assignmentId}-before-due`,
  on_due: (assignmentId: string) => `review-${assignmentId}-on-due`,
  after_due: (assignmentId: string) => `review-${assignmentId}-after-due`,
  overdue: (assignmentId: string) => `review-${assignmentId}-overdue`,
  escalate: (assignmentId: string) => `review-${assignmentId}-escalate`,
} as const;

import { z } from 'zod';
import { AssignmentPayload } from './reminder.job';

export const NotificationJob = {
  SendEmail: 'send-email',
  PracticeSubmitted: 'practice-submitted',
  PracticeDecided: 'practice-decided',
  /** The authors gave up a revision of a published practice, which stays as published. */
  RevisionWithdrawn: 'revision-withdrawn',
  ReviewInvited: 'review-invited',
} as const;

/**
 * What a workflow effect carries from the outbox (libs/persistence recordTransition): which event of
 * which record caused it. Handlers load the rest, so a late job reads the current state.
 */
export const WorkflowEffectPayload = z.strictObject({
  eventId: z.uuid('eventId must be a UUID'),
  entityType: z.string().min(1),
  entityId: z.uuid('entityId must be a UUID'),
  transition: z.string().min(1),
});
export type WorkflowEffectPayload = z.infer<typeof WorkflowEffectPayload>;

/**
 * One e-mail, already written in the recipient's language by whoever enqueued it. The job id is its
 * idempotency key (an outbox row id, or `<source>-<notice>-<recipient>`): the worker records each
 * key in the mail log and never sends a key twice.
 */
export const SendEmailPayload = z.strictObject({
  to: z.email('to must be an e-mail address'),
  subject: z.string().trim().min(1, 'subject is required').max(200, 'subject is at most 200 characters'),
  text: z.string().min(1, 'text is required').max(50_000, 'text is at most 50000 characters'),
  html: z.string().max(200_000).optional(),
  locale: z.enum(['en', 'es', 'fr']).default('en'),
});
export type SendEmailPayload = z.infer<typeof SendEmailPayload>;

/** Written with each invitation (inviteReviewer): tell the reviewer, unless it is gone by then. */
export const ReviewInvitedPayload = AssignmentPayload;
export type ReviewInvitedPayload = z.infer<typeof ReviewInvitedPayload>;

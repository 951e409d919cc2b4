import { z } from 'zod';

/** A transition the caller may fire from the current state, enabled or with the reason it is not. */
export const AvailableTransition = z.object({
  name: z.string(),
  enabled: z.boolean(),
  reason: z.string().optional(),
});
export const AvailableTransitions = z.object({ items: z.array(AvailableTransition) });
export type AvailableTransitions = z.infer<typeof AvailableTransitions>;

export const FireTransitionInput = z
  .object({
    /** The record version the caller saw; a concurrent change answers 409. */
    version: z.number({ error: 'version is required' }).int().min(1),
    comment: z.string().trim().max(4000, 'The comment must be at most 4000 characters').optional(),
  })
  .strict();
export type FireTransitionInput = z.infer<typeof FireTransitionInput>;

export const WorkflowEventDto = z.object({
  id: z.uuid(),
  sequence: z.number().int(),
  transition: z.string(),
  fromState: z.string(),
  toState: z.string(),
  actorId: z.uuid().nullable(),
  comment: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /**
   * The workflow the event belongs to: a record's timeline may merge related records' events (a
   * pilot's shows its invitations', `pilot-partner`). Absent from older answers.
   */
  workflow: z.string().optional(),
  /**
   * What the event concerns, in words, for one that is not a change of the record's own state: the
   * organisation invited or answering, the milestone's title. Null when it concerns the record.
   */
  subject: z.string().nullable().optional(),
  /** A code qualifying the subject: the partner role of an invitation, `compiled` for a lead's report. */
  detail: z.string().nullable().optional(),
});
export type WorkflowEventDto = z.infer<typeof WorkflowEventDto>;

export const WorkflowEventList = z.object({ items: z.array(WorkflowEventDto) });
export type WorkflowEventList = z.infer<typeof WorkflowEventList>;

export const ChainVerification = z.object({
  valid: z.boolean(),
  events: z.number().int().optional(),
  brokenAt: z.number().int().optional(),
  reason: z.string().optional(),
});
export type ChainVerification = z.infer<typeof ChainVerification>;

/** Editorial decisions on a practice: each needs a rationale (`comment`), which joins the history. */
export const decisionTransitions = [
  'desk_reject',
  'desk_reject_revision',
  'request_revisions',
  'accept',
  'reject',
  'reject_revision',
] as const;
export const decisionRationaleMessage = 'Give the reason for this decision';

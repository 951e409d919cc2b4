import { z } from 'zod';

export const ReminderJob = {
  ExpireInvitation: 'expire-invitation',
} as const;

/** Delayed until the invitation's answer-by date; the handler re-checks the state when it fires. */
export const ExpireInvitationPayload = z.strictObject({
  assignmentId: z.uuid('assignmentId must be a UUID'),
});
export type ExpireInvitationPayload = z.infer<typeof ExpireInvitationPayload>;

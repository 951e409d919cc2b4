import { z } from 'zod';

/** Jobs of pilots and their invitations (issue 5): notices, and the invitation's timers. */
export const PilotJob = {
  /** Written with each invitation: tell the invited organisation's focal points. */
  InvitationReceived: 'invitation-received',
  /** Written with each invitation: sets its reminder and expiry as delayed jobs. */
  ScheduleInvitationTimers: 'schedule-invitation-timers',
  RemindInvitation: 'remind-invitation',
  ExpireInvitation: 'expire-invitation',
  /** accept / decline / expire effect: tell the lead's focal points. */
  InvitationAnswered: 'invitation-answered',
  /** Every pilot transition's effect: tell the lead's and accepted partners' focal points. */
  PilotStateChanged: 'pilot-state-changed',
} as const;

/** A job about one invitation (a pilot partner row); the handler re-reads it when the job runs. */
export const PilotInvitationPayload = z.strictObject({
  partnerId: z.uuid('partnerId must be a UUID'),
});
export type PilotInvitationPayload = z.infer<typeof PilotInvitationPayload>;

/**
 * Deterministic ids of an invitation's timers, so scheduling twice (a re-run job) adds each once.
 */
export const pilotInvitationTimerIds = {
  remind: (partnerId: string) => `pilot-invitation-${partnerId}-remind`,
  expire: (partnerId: string) => `pilot-invitation-${partnerId}-expire`,
} as const;

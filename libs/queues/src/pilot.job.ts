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

/**
 * A job about one invitation (a pilot partner row); the handler re-reads it when the job runs.
 * `invitedAt` names the round: a row invited again is a new round, and a job of an earlier one
 * does nothing. Jobs written before re-invitations existed carry none and concern the row as it is.
 */
export const PilotInvitationPayload = z.strictObject({
  partnerId: z.uuid('partnerId must be a UUID'),
  invitedAt: z.iso.datetime('invitedAt must be an ISO date-time').optional(),
});
export type PilotInvitationPayload = z.infer<typeof PilotInvitationPayload>;

/**
 * Deterministic ids of an invitation's timers, so scheduling twice (a re-run job) adds each once;
 * each round has its own, so an earlier round's timers, still waiting, do not stand in for its.
 */
export const pilotInvitationTimerIds = {
  remind: (partnerId: string, invitedAt: Date) =>
    `pilot-invitation-${partnerId}-${invitedAt.getTime()}-remind`,
  expire: (partnerId: string, invitedAt: Date) =>
    `pilot-invitation-${partnerId}-${invitedAt.getTime()}-expire`,
} as const;

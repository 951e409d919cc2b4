import { defineWorkflow } from '../definition';

export const pilotStates = [
  'draft',
  'proposed',
  'forming',
  'active',
  'completed',
  'closed',
  'withdrawn',
] as const;
export type PilotState = (typeof pilotStates)[number];

export type PilotTransition = 'propose' | 'start_forming' | 'activate' | 'complete' | 'close' | 'withdraw';

/** What the guards need to know, gathered by the caller before firing. */
export interface PilotContext {
  /** Required fields the pilot still leaves empty (a draft may be incomplete; a proposal may not). */
  missingFields: readonly string[];
  /** Invitations sent and not withdrawn, whatever their answer. */
  invitationsSent: number;
  /** Partner organisations other than the lead that accepted. */
  acceptedPartners: number;
  /** The corridor's countries of origin and of destination (ISO alpha-2). */
  origins: readonly string[];
  destinations: readonly string[];
  /** Countries an accepted partner, the lead included, is from or works in. */
  partnerCountries: readonly string[];
}

/** Partners besides the lead a pilot needs before it can start (issue 5). */
export const pilotMinimumPartners = 2;

/**
 * Why a pilot cannot become active yet, every reason at once so the lead sees all that is left, or
 * null when it can: enough accepted partners, and an accepted partner from or working in at least
 * one country of origin and one of destination of the corridor.
 */
export function pilotActivationBlock(context: PilotContext): string | null {
  const reasons: string[] = [];
  if (context.acceptedPartners < pilotMinimumPartners)
    reasons.push(
      `At least ${pilotMinimumPartners} partner organisations besides the lead must accept; ${context.acceptedPartners} have.`,
    );
  const covered = new Set(context.partnerCountries);
  const side = (countries: readonly string[], name: string) => {
    if (!countries.length) reasons.push(`The corridor needs a country of ${name}.`);
    else if (!countries.some((code) => covered.has(code)))
      reasons.push(`No accepted partner is from or works in a country of ${name} (${countries.join(', ')}).`);
  };
  side(context.origins, 'origin');
  side(context.destinations, 'destination');
  return reasons.length ? reasons.join(' ') : null;
}

/**
 * Changes of a pilot that leave its state as it is, each an event on the pilot's own chain (from
 * and to its current state), so the tamper-evident log holds every change (issue 5). Not
 * transitions: nothing fires them through the engine; the services append them with the change.
 */
export const pilotChangeEvents = [
  'edit',
  'invite',
  'add_milestone',
  'update_milestone',
  'remove_milestone',
  'draft_report',
  'submit_report',
  'discard_report',
  'draft_practice',
] as const;
export type PilotChangeEvent = (typeof pilotChangeEvents)[number];

/** Every change of a pilot's state is told to its lead's and accepted partners' focal points. */
export const pilotStateChanged = 'pilots.pilot-state-changed';
/** An answer to an invitation (or its lapsing) is told to the lead's focal points. */
export const pilotInvitationAnswered = 'pilots.invitation-answered';

/**
 * DESIGN §4: a pilot is drafted by a focal point of its lead organisation, proposed, gathers its
 * partners while forming, runs while active, and ends completed; editors may close it with a
 * reason, and the lead may withdraw it before it starts.
 */
export const pilotWorkflow = defineWorkflow<PilotState, PilotTransition, PilotContext>({
  name: 'pilot',
  initial: 'draft',
  states: pilotStates,
  transitions: {
    propose: {
      from: ['draft'],
      to: 'proposed',
      guard: ({ missingFields }) =>
        missingFields.length ? `Complete the proposal first: ${missingFields.join(', ')}.` : null,
      effects: [pilotStateChanged],
    },
    start_forming: {
      from: ['proposed'],
      to: 'forming',
      guard: ({ invitationsSent }) =>
        invitationsSent > 0 ? null : 'Invite at least one partner organisation first.',
      effects: [pilotStateChanged],
    },
    activate: {
      from: ['forming'],
      to: 'active',
      guard: pilotActivationBlock,
      // The reporting timers start with the pilot: its first report falls due a reporting interval on.
      effects: [pilotStateChanged, 'reminders.schedule-pilot-reporting'],
    },
    complete: { from: ['active'], to: 'completed', effects: [pilotStateChanged] },
    close: {
      from: ['proposed', 'forming', 'active'],
      to: 'closed',
      description: 'by an editor, with a reason',
      effects: [pilotStateChanged],
    },
    withdraw: { from: ['draft', 'proposed', 'forming'], to: 'withdrawn', effects: [pilotStateChanged] },
  },
});

export const pilotPartnerStates = ['invited', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type PilotPartnerState = (typeof pilotPartnerStates)[number];
export type PilotPartnerTransition = 'accept' | 'decline' | 'expire' | 'withdraw' | 'reinvite';

/**
 * An invitation to join a pilot: answered by the invited organisation, withdrawn by the lead, or
 * expired. One that came to nothing may be sent again by the lead, on the same row and chain.
 */
export const pilotPartnerWorkflow = defineWorkflow<
  PilotPartnerState,
  PilotPartnerTransition,
  Record<string, never>
>({
  name: 'pilot-partner',
  initial: 'invited',
  states: pilotPartnerStates,
  transitions: {
    accept: { from: ['invited'], to: 'accepted', effects: [pilotInvitationAnswered] },
    decline: { from: ['invited'], to: 'declined', effects: [pilotInvitationAnswered] },
    expire: {
      from: ['invited'],
      to: 'expired',
      description: 'at its answer-by date',
      effects: [pilotInvitationAnswered],
    },
    withdraw: { from: ['invited'], to: 'withdrawn', description: 'by the lead' },
    // Its notice and timers go to the outbox as a first invitation's do (they carry the new round).
    reinvite: { from: ['declined', 'expired', 'withdrawn'], to: 'invited', description: 'by the lead' },
  },
});

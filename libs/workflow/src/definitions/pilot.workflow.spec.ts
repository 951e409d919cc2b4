import { describe, expect, it } from 'vitest';
import { available, decide } from '../engine';
import {
  type PilotContext,
  pilotActivationBlock,
  pilotChangeEvents,
  pilotInvitationAnswered,
  pilotPartnerWorkflow,
  pilotStateChanged,
  pilotWorkflow,
} from './pilot.workflow';

const ready: PilotContext = {
  missingFields: [],
  invitationsSent: 2,
  acceptedPartners: 2,
  origins: ['PH'],
  destinations: ['MX'],
  partnerCountries: ['PH', 'MX'],
};
const anyone = () => true;

describe('pilot workflow', () => {
  it('proposes only a complete draft, naming what is missing', () => {
    expect(
      decide(pilotWorkflow, 'draft', 'propose', { ...ready, missingFields: ['objectives'] }, anyone),
    ).toEqual({
      ok: false,
      refusal: { kind: 'guard', message: 'Complete the proposal first: objectives.' },
    });
    expect(decide(pilotWorkflow, 'draft', 'propose', ready, anyone)).toMatchObject({
      ok: true,
      to: 'proposed',
    });
  });

  it('starts forming once an invitation is out', () => {
    expect(
      decide(pilotWorkflow, 'proposed', 'start_forming', { ...ready, invitationsSent: 0 }, anyone),
    ).toMatchObject({
      ok: false,
      refusal: { kind: 'guard' },
    });
    expect(decide(pilotWorkflow, 'proposed', 'start_forming', ready, anyone)).toMatchObject({
      ok: true,
      to: 'forming',
    });
  });

  it('becomes active only with two accepted partners covering an origin and a destination, saying what is missing', () => {
    const oneAccepted = { ...ready, acceptedPartners: 1, partnerCountries: ['PH'] };
    expect(available(pilotWorkflow, 'forming', oneAccepted, anyone)).toContainEqual({
      name: 'activate',
      enabled: false,
      reason:
        'At least 2 partner organisations besides the lead must accept; 1 have. No accepted partner is from or works in a country of destination (MX).',
    });
    expect(pilotActivationBlock({ ...ready, destinations: [] })).toBe(
      'The corridor needs a country of destination.',
    );
    expect(pilotActivationBlock({ ...ready, partnerCountries: ['MX', 'ES'] })).toBe(
      'No accepted partner is from or works in a country of origin (PH).',
    );
    // One covered origin among several is enough.
    expect(pilotActivationBlock({ ...ready, origins: ['NP', 'PH'] })).toBeNull();
    expect(decide(pilotWorkflow, 'forming', 'activate', ready, anyone)).toMatchObject({
      ok: true,
      to: 'active',
      // The reporting timers start with the pilot.
      effects: ['pilots.pilot-state-changed', 'reminders.schedule-pilot-reporting'],
    });
  });

  it('completes only an active pilot, closes a running one, and withdraws only before it starts', () => {
    expect(decide(pilotWorkflow, 'forming', 'complete', ready, anyone)).toMatchObject({
      ok: false,
      refusal: { kind: 'wrong_state' },
    });
    expect(decide(pilotWorkflow, 'active', 'close', ready, anyone)).toMatchObject({ ok: true, to: 'closed' });
    expect(decide(pilotWorkflow, 'active', 'withdraw', ready, anyone)).toMatchObject({ ok: false });
    expect(decide(pilotWorkflow, 'draft', 'withdraw', ready, anyone)).toMatchObject({
      ok: true,
      to: 'withdrawn',
    });
  });

  it('tells the partnership about every change of state', () => {
    for (const transition of Object.values(pilotWorkflow.transitions))
      expect(transition.effects?.[0]).toBe(pilotStateChanged);
    // Activation also starts the reporting timers.
    expect(pilotWorkflow.transitions.activate.effects).toEqual([
      pilotStateChanged,
      'reminders.schedule-pilot-reporting',
    ]);
  });
});

describe('pilot partner workflow', () => {
  it('answers an invitation once: a second answer finds it no longer invited', () => {
    expect(decide(pilotPartnerWorkflow, 'invited', 'accept', {}, anyone)).toMatchObject({
      ok: true,
      to: 'accepted',
    });
    expect(decide(pilotPartnerWorkflow, 'accepted', 'accept', {}, anyone)).toMatchObject({
      ok: false,
      refusal: { kind: 'wrong_state' },
    });
    expect(decide(pilotPartnerWorkflow, 'accepted', 'withdraw', {}, anyone)).toMatchObject({ ok: false });
  });

  it('tells the lead of an answer or a lapse, not of its own withdrawal', () => {
    expect(decide(pilotPartnerWorkflow, 'invited', 'decline', {}, anyone)).toMatchObject({
      ok: true,
      effects: [pilotInvitationAnswered],
    });
    expect(decide(pilotPartnerWorkflow, 'invited', 'expire', {}, anyone)).toMatchObject({
      effects: [pilotInvitationAnswered],
    });
    expect(decide(pilotPartnerWorkflow, 'invited', 'withdraw', {}, anyone)).toMatchObject({ effects: [] });
  });

  it('invites again only an invitation that came to nothing', () => {
    for (const from of ['declined', 'expired', 'withdrawn'] as const)
      expect(decide(pilotPartnerWorkflow, from, 'reinvite', {}, anyone)).toMatchObject({
        ok: true,
        to: 'invited',
      });
    for (const from of ['invited', 'accepted'] as const)
      expect(decide(pilotPartnerWorkflow, from, 'reinvite', {}, anyone)).toMatchObject({
        ok: false,
        refusal: { kind: 'wrong_state' },
      });
  });
});

describe('pilot change events', () => {
  it('are named apart from every transition, so a timeline tells them from changes of state', () => {
    const transitions = [
      ...Object.keys(pilotWorkflow.transitions),
      ...Object.keys(pilotPartnerWorkflow.transitions),
    ];
    expect(pilotChangeEvents.filter((name) => transitions.includes(name))).toEqual([]);
    expect(new Set(pilotChangeEvents).size).toBe(pilotChangeEvents.length);
  });
});

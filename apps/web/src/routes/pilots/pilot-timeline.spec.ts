import type { WorkflowEventDto } from '@pathways/contracts';
import { pilotChangeEvents } from '@pathways/workflow';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Timeline from '$lib/components/Timeline.svelte';
import { pilotEventSentence, pilotStatusLabel, pilotTransitionLabel } from './labels';
import { renderedText } from '$lib/testing/rendered-text';

let counter = 0;
const event = (over: Partial<WorkflowEventDto>): WorkflowEventDto => ({
  id: `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  sequence: counter,
  transition: 'propose',
  fromState: 'draft',
  toState: 'proposed',
  actorId: null,
  comment: null,
  createdAt: '2027-01-10T09:00:00.000Z',
  workflow: 'pilot',
  subject: null,
  detail: null,
  ...over,
});
const same = (transition: string, subject: string | null = null, detail: string | null = null) =>
  event({ transition, fromState: 'active', toState: 'active', subject, detail });
const answer = (transition: string, fromState: string, toState: string, subject: string) =>
  event({ workflow: 'pilot-partner', transition, fromState, toState, subject });

const network = 'Red de Mujeres Migrantes';

describe('pilotEventSentence', () => {
  it('leaves changes of the pilot state to the timeline', () => {
    expect(pilotEventSentence(event({}))).toBeNull();
    expect(pilotEventSentence(event({ transition: 'withdraw', toState: 'withdrawn' }))).toBeNull();
  });

  it('tells each change of the pilot, with what it concerns', () => {
    expect(pilotEventSentence(same('edit'))).toBe('Proposal edited');
    expect(pilotEventSentence(same('invite', network, 'implementing'))).toBe(
      `Invited ${network} (implementing)`,
    );
    expect(pilotEventSentence(same('add_milestone', 'Helpline opens'))).toBe(
      'Milestone added: Helpline opens',
    );
    expect(pilotEventSentence(same('update_milestone', 'Helpline opens'))).toBe(
      'Milestone updated: Helpline opens',
    );
    expect(pilotEventSentence(same('remove_milestone', 'Helpline opens'))).toBe(
      'Milestone removed: Helpline opens',
    );
    expect(pilotEventSentence(same('draft_report', network))).toBe(`${network} started a progress report`);
    expect(pilotEventSentence(same('submit_report', 'The ministry', 'compiled'))).toBe(
      'The ministry submitted the compiled report of the pilot',
    );
    expect(pilotEventSentence(same('discard_report', network))).toBe(
      `${network} discarded a draft progress report`,
    );
    expect(pilotEventSentence(same('discard_report', 'The ministry', 'compiled'))).toBe(
      'The ministry discarded a draft of the compiled report of the pilot',
    );
    expect(pilotEventSentence(same('draft_practice', 'Safe corridors'))).toBe(
      'Good-practice draft created: Safe corridors',
    );
  });

  it("tells an invitation's own events, its withdrawal apart from the pilot's", () => {
    expect(pilotEventSentence(answer('accept', 'invited', 'accepted', network))).toBe(
      `${network} accepted the invitation`,
    );
    expect(pilotEventSentence(answer('decline', 'invited', 'declined', network))).toBe(
      `${network} declined the invitation`,
    );
    expect(pilotEventSentence(answer('expire', 'invited', 'expired', network))).toBe(
      `The invitation to ${network} expired`,
    );
    expect(pilotEventSentence(answer('withdraw', 'invited', 'withdrawn', network))).toBe(
      `Invitation to ${network} withdrawn`,
    );
    expect(
      pilotEventSentence({ ...answer('reinvite', 'declined', 'invited', network), detail: 'funding' }),
    ).toBe(`Invited ${network} again (funding)`);
  });

  it('has a sentence for every change the API files on a pilot', () => {
    for (const change of pilotChangeEvents)
      expect(pilotEventSentence(same(change, network)), change).not.toBe(change);
  });

  it('names an unknown change (a newer API) by itself, and an unnamed subject in words', () => {
    expect(pilotEventSentence(same('rename_corridor'))).toBe('rename_corridor');
    expect(pilotEventSentence(answer('accept', 'invited', 'accepted', ''))).toBe(
      'An organisation accepted the invitation',
    );
  });
});

describe('Timeline', () => {
  const text = renderedText;

  it("tells a pilot's changes of state with their arrow and its other events as sentences", () => {
    const { body } = render(Timeline, {
      props: {
        events: [
          event({}),
          same('invite', network, 'technical'),
          answer('accept', 'invited', 'accepted', network),
        ],
        transitionName: pilotTransitionLabel,
        stateName: pilotStatusLabel,
        sentence: pilotEventSentence,
      },
    });
    const said = text(body);
    expect(said).toContain('Propose: Draft → Proposed');
    expect(said).toContain(`Invited ${network} (technical)`);
    expect(said).toContain(`${network} accepted the invitation`);
    expect(said).not.toContain('Accepted: ');
  });

  it("keeps a practice's timeline as it was", () => {
    const { body } = render(Timeline, {
      props: {
        events: [
          event({ workflow: 'practice', transition: 'submit', fromState: 'draft', toState: 'submitted' }),
        ],
      },
    });
    expect(text(body)).toContain('Submit: Draft → Submitted');
  });
});

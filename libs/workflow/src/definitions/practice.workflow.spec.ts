import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { available, type Decision, decide, replay } from '../engine';
import {
  type PracticeContext,
  type PracticeState,
  type PracticeTransition,
  practiceWorkflow,
} from './practice.workflow';

const openStates = [
  'draft',
  'submitted',
  'screening',
  'in_review',
  'revisions_requested',
  'resubmitted',
] as const;
import { reviewAssignmentWorkflow } from './review-assignment.workflow';

const ready: PracticeContext = {
  missingFields: [],
  activeReviewers: 3,
  reviewsSubmitted: 3,
  reviewsRequired: 3,
  unEntityReviewerPresent: true,
  hasPublishedVersion: false,
};
/** The same practice once a version of it is in the library. */
const published: PracticeContext = { ...ready, hasPublishedVersion: true };
const anyone = () => true;

describe('practice workflow', () => {
  it('submits only a complete draft, naming what is missing', () => {
    const refused = decide(
      practiceWorkflow,
      'draft',
      'submit',
      { ...ready, missingFields: ['title', 'summary'] },
      anyone,
    );
    expect(refused).toEqual({
      ok: false,
      refusal: { kind: 'guard', message: 'Complete these fields first: title, summary.' },
    });
    expect(decide(practiceWorkflow, 'draft', 'submit', ready, anyone)).toMatchObject({
      ok: true,
      to: 'submitted',
      effects: ['notifications.practice-submitted'],
    });
  });

  it('sends to review only with a full panel that includes a UN entity reviewer', () => {
    expect(available(practiceWorkflow, 'screening', { ...ready, activeReviewers: 2 }, anyone)).toContainEqual(
      {
        name: 'send_to_review',
        enabled: false,
        reason: 'Invite at least 3 reviewers; 2 so far.',
      },
    );
    expect(
      decide(
        practiceWorkflow,
        'screening',
        'send_to_review',
        { ...ready, unEntityReviewerPresent: false },
        anyone,
      ),
    ).toMatchObject({ ok: false, refusal: { message: 'At least one reviewer must come from a UN entity.' } });
  });

  it('decides only after the required reviews are in', () => {
    expect(
      decide(practiceWorkflow, 'in_review', 'accept', { ...ready, reviewsSubmitted: 2 }, anyone),
    ).toMatchObject({
      ok: false,
      refusal: { kind: 'guard' },
    });
    expect(decide(practiceWorkflow, 'in_review', 'accept', ready, anyone)).toMatchObject({
      ok: true,
      to: 'accepted',
    });
  });

  it('goes round the revision loop and ends published or retracted', () => {
    const path = [
      'submit',
      'start_screening',
      'send_to_review',
      'request_revisions',
      'resubmit',
      'resume_review',
      'accept',
      'publish',
      'retract',
    ] as const;
    let state: PracticeState = 'draft';
    const log: { transition: (typeof path)[number]; from: PracticeState; to: PracticeState }[] = [];
    for (const transition of path) {
      const context = log.some((e) => e.transition === 'publish') ? published : ready;
      const decision: Decision<PracticeState> = decide(practiceWorkflow, state, transition, context, anyone);
      if (!decision.ok) throw new Error(decision.refusal.message);
      log.push({ transition, from: state, to: decision.to });
      state = decision.to;
    }
    expect(state).toBe('retracted');
    expect(replay(practiceWorkflow, log)).toBe('retracted');
  });

  it('lets nothing leave a final state', () => {
    fc.assert(
      fc.property(fc.constantFrom('rejected', 'withdrawn', 'retracted' as const), (state) => {
        expect(available(practiceWorkflow, state, ready, anyone)).toEqual([]);
      }),
    );
  });
});

type Step = { transition: PracticeTransition; from: PracticeState; to: PracticeState };

/** Fires the transitions in turn, the context saying whether a publication happened before. */
function walk(path: readonly PracticeTransition[], start: Step[] = []): Step[] {
  const log = [...start];
  for (const transition of path) {
    const state = log.at(-1)?.to ?? practiceWorkflow.initial;
    const context = log.some((e) => e.transition === 'publish') ? published : ready;
    const decision = decide(practiceWorkflow, state, transition, context, anyone);
    if (!decision.ok) throw new Error(`${transition} from ${state}: ${decision.refusal.message}`);
    log.push({ transition, from: state, to: decision.to });
  }
  return log;
}

const firstPublication = walk(['submit', 'start_screening', 'send_to_review', 'accept', 'publish']);

describe('revising a published practice', () => {
  it('offers the authors a revision of a published practice, and retraction meanwhile', () => {
    expect(available(practiceWorkflow, 'published', published, anyone).map((t) => t.name)).toEqual([
      'revise',
      'retract',
    ]);
  });

  it('goes back through the whole review and publishes again', () => {
    const log = walk(
      [
        'revise',
        'submit',
        'start_screening',
        'send_to_review',
        'request_revisions',
        'resubmit',
        'resume_review',
        'accept',
        'publish',
      ],
      firstPublication,
    );
    expect(log.at(-1)?.to).toBe('published');
    expect(replay(practiceWorkflow, log)).toBe('published');
  });

  it('returns to published when the authors withdraw the revision, from any open state', () => {
    const toOpen: Record<(typeof openStates)[number], PracticeTransition[]> = {
      draft: ['revise'],
      submitted: ['revise', 'submit'],
      screening: ['revise', 'submit', 'start_screening'],
      in_review: ['revise', 'submit', 'start_screening', 'send_to_review'],
      revisions_requested: ['revise', 'submit', 'start_screening', 'send_to_review', 'request_revisions'],
      resubmitted: ['revise', 'submit', 'start_screening', 'send_to_review', 'request_revisions', 'resubmit'],
    };
    for (const state of openStates) {
      const log = walk(toOpen[state], firstPublication);
      expect(log.at(-1)?.to).toBe(state);
      expect(decide(practiceWorkflow, state, 'withdraw', published, anyone)).toMatchObject({
        ok: false,
        refusal: {
          kind: 'not_applicable',
          message: 'Cannot withdraw: only when it has no published version.',
        },
      });
      expect(walk(['withdraw_revision'], log).at(-1)?.to).toBe('published');
    }
  });

  it('returns to published when the editors turn the revision down, at screening or after review', () => {
    const screening = walk(['revise', 'submit', 'start_screening'], firstPublication);
    expect(decide(practiceWorkflow, 'screening', 'desk_reject', published, anyone)).toMatchObject({
      refusal: { kind: 'not_applicable' },
    });
    expect(walk(['desk_reject_revision'], screening).at(-1)?.to).toBe('published');
    const reviewed = walk(['send_to_review'], screening);
    expect(decide(practiceWorkflow, 'in_review', 'reject', published, anyone)).toMatchObject({
      refusal: { kind: 'not_applicable' },
    });
    expect(
      decide(practiceWorkflow, 'in_review', 'reject_revision', { ...published, reviewsSubmitted: 1 }, anyone),
    ).toMatchObject({ refusal: { kind: 'guard' } });
    expect(walk(['reject_revision'], reviewed).at(-1)?.to).toBe('published');
  });

  it('keeps the revision endings away from a practice never published', () => {
    for (const state of openStates) {
      const names = available(practiceWorkflow, state, ready, anyone).map((t) => t.name);
      expect(names).not.toContain('withdraw_revision');
      expect(names).not.toContain('retract');
      expect(names).toContain('withdraw');
    }
    expect(decide(practiceWorkflow, 'screening', 'desk_reject_revision', ready, anyone)).toMatchObject({
      refusal: { kind: 'not_applicable' },
    });
  });

  it('never lets a published practice leave the library except by retraction', () => {
    const transitions = Object.keys(practiceWorkflow.transitions) as PracticeTransition[];
    const context = fc.record({
      missingFields: fc.constantFrom([], ['title']),
      activeReviewers: fc.nat(4),
      reviewsSubmitted: fc.nat(4),
      unEntityReviewerPresent: fc.boolean(),
    });
    const step = fc.record({ transition: fc.constantFrom(...transitions), context });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const log = [...firstPublication];
        for (const { transition, context: facts } of steps) {
          const state = log.at(-1)?.to ?? practiceWorkflow.initial;
          // Once published, a practice always has a published version: the library follows the log.
          const decision = decide(
            practiceWorkflow,
            state,
            transition,
            { ...facts, reviewsRequired: 3, hasPublishedVersion: true },
            anyone,
          );
          if (!decision.ok) continue;
          expect(['rejected', 'withdrawn']).not.toContain(decision.to);
          if (decision.to === 'retracted') expect(transition).toBe('retract');
          log.push({ transition, from: state, to: decision.to });
        }
        expect(replay(practiceWorkflow, log)).toBe(log.at(-1)?.to);
      }),
    );
  });
});

describe('review assignment workflow', () => {
  it('accepts only with a conflict declaration and submits only a complete review', () => {
    const context = { conflictDeclared: false, missingReviewFields: ['recommendation'] };
    expect(decide(reviewAssignmentWorkflow, 'invited', 'accept', context, anyone)).toMatchObject({
      ok: false,
    });
    expect(
      decide(reviewAssignmentWorkflow, 'invited', 'accept', { ...context, conflictDeclared: true }, anyone),
    ).toMatchObject({
      ok: true,
      effects: ['reminders.schedule-review-reminders'],
    });
    expect(decide(reviewAssignmentWorkflow, 'overdue', 'submit', context, anyone)).toMatchObject({
      refusal: { message: 'Complete the review first: recommendation.' },
    });
  });

  it('asks for a backup reviewer when an invitation is declined or expires', () => {
    for (const transition of ['decline', 'expire'] as const) {
      expect(
        decide(
          reviewAssignmentWorkflow,
          'invited',
          transition,
          { conflictDeclared: false, missingReviewFields: [] },
          anyone,
        ),
      ).toMatchObject({
        effects: ['review.invite-backup'],
      });
    }
  });
});

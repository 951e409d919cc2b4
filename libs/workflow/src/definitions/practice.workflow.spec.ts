import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { available, type Decision, decide, replay } from '../engine';
import { type PracticeContext, type PracticeState, practiceWorkflow } from './practice.workflow';
import { reviewAssignmentWorkflow } from './review-assignment.workflow';

const ready: PracticeContext = {
  missingFields: [],
  activeReviewers: 3,
  reviewsSubmitted: 3,
  reviewsRequired: 3,
  unEntityReviewerPresent: true,
};
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
      const decision: Decision<PracticeState> = decide(practiceWorkflow, state, transition, ready, anyone);
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

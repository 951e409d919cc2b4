import { describe, expect, it } from 'vitest';
import { reviewDecisions } from './review-decisions';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const event = (sequence: number, transition: string, day: number) => ({
  sequence,
  transition,
  createdAt: at(day),
});

describe('reviewDecisions', () => {
  it('times a decision from the submission, counting revision rounds and ignoring other steps', () => {
    expect(
      reviewDecisions([
        event(6, 'accept', 30),
        event(1, 'submit', 1),
        event(2, 'start_screening', 2),
        event(3, 'request_revisions', 10),
        event(4, 'resubmit', 20),
        event(5, 'resume_review', 21),
        event(7, 'publish', 31),
      ]),
    ).toEqual([{ sequence: 6, submittedAt: at(1), decidedAt: at(30), outcome: 'accepted' }]);
  });

  it('counts rejections at screening and after review as rejected', () => {
    expect(reviewDecisions([event(1, 'submit', 1), event(2, 'desk_reject', 3)])).toEqual([
      { sequence: 2, submittedAt: at(1), decidedAt: at(3), outcome: 'rejected' },
    ]);
    expect(reviewDecisions([event(1, 'submit', 1), event(4, 'reject', 9)])[0]?.outcome).toBe('rejected');
  });

  it('counts a revision of a published practice as a review of its own, turned down or accepted', () => {
    const revision = [
      event(1, 'submit', 1),
      event(2, 'accept', 5),
      event(3, 'publish', 6),
      event(4, 'revise', 20),
      event(5, 'submit', 21),
      event(6, 'start_screening', 22),
      event(7, 'desk_reject_revision', 24),
      event(8, 'revise', 25),
      event(9, 'submit', 26),
      event(10, 'reject_revision', 30),
    ];
    expect(reviewDecisions(revision).map((d) => [d.sequence, d.submittedAt.getUTCDate(), d.outcome])).toEqual(
      [
        [2, 1, 'accepted'],
        [7, 21, 'rejected'],
        [10, 26, 'rejected'],
      ],
    );
  });

  it('starts each review afresh after a decision and leaves out a decision with no submission', () => {
    expect(
      reviewDecisions([
        event(1, 'accept', 2),
        event(2, 'submit', 5),
        event(3, 'reject', 8),
        event(4, 'submit', 10),
        event(5, 'accept', 12),
      ]).map((d) => [d.sequence, d.submittedAt.getUTCDate(), d.outcome]),
    ).toEqual([
      [3, 5, 'rejected'],
      [5, 10, 'accepted'],
    ]);
    expect(reviewDecisions([])).toEqual([]);
  });
});

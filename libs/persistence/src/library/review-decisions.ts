/** A practice's workflow event that starts a review or ends one. */
export interface ReviewEvent {
  sequence: number;
  transition: string;
  createdAt: Date;
}

export type ReviewOutcome = 'accepted' | 'rejected';

/** An editorial decision as the public figures count it: when the review began and how it ended. */
export interface ReviewDecision {
  /** The deciding event's sequence in the practice's log. */
  sequence: number;
  submittedAt: Date;
  decidedAt: Date;
  outcome: ReviewOutcome;
}

/** Transitions that end a review, and how. Requests for revisions are not decisions: the review goes on. */
export const decidingTransitions: Readonly<Record<string, ReviewOutcome>> = {
  accept: 'accepted',
  reject: 'rejected',
  desk_reject: 'rejected',
  // A revision of a published practice turned down: a decision on it, though the practice stays published.
  reject_revision: 'rejected',
  desk_reject_revision: 'rejected',
};

/** The transition that starts a review; a resubmission continues the same one. */
export const submittingTransition = 'submit';

/**
 * The decisions in a practice's log, each timed from the first submission after the previous
 * decision (so revision rounds count towards the time to decide). A decision with no submission
 * before it (a log cut short) has no duration and is left out.
 */
export function reviewDecisions(events: readonly ReviewEvent[]): ReviewDecision[] {
  const decisions: ReviewDecision[] = [];
  let submittedAt: Date | null = null;
  for (const event of [...events].sort((a, b) => a.sequence - b.sequence)) {
    if (event.transition === submittingTransition) {
      submittedAt ??= event.createdAt;
      continue;
    }
    const outcome = decidingTransitions[event.transition];
    if (!outcome) continue;
    if (submittedAt)
      decisions.push({ sequence: event.sequence, submittedAt, decidedAt: event.createdAt, outcome });
    submittedAt = null;
  }
  return decisions;
}

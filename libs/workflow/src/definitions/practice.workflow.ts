import { defineWorkflow, type TransitionCondition } from '../definition';

export const practiceStates = [
  'draft',
  'submitted',
  'screening',
  'in_review',
  'revisions_requested',
  'resubmitted',
  'accepted',
  'published',
  'rejected',
  'withdrawn',
  'retracted',
] as const;
export type PracticeState = (typeof practiceStates)[number];

export type PracticeTransition =
  | 'submit'
  | 'start_screening'
  | 'desk_reject'
  | 'send_to_review'
  | 'request_revisions'
  | 'resubmit'
  | 'resume_review'
  | 'accept'
  | 'reject'
  | 'publish'
  | 'withdraw'
  | 'retract'
  | 'revise'
  | 'desk_reject_revision'
  | 'reject_revision'
  | 'withdraw_revision';

/** What the guards need to know, gathered by the caller before firing. */
export interface PracticeContext {
  /** Required fields the current version leaves empty (drafts may be incomplete; submissions may not). */
  missingFields: readonly string[];
  /** Reviewers who accepted and have not declined or expired. */
  activeReviewers: number;
  reviewsSubmitted: number;
  /** From the review policy (default 3). */
  reviewsRequired: number;
  /** Whether the policy's rule of at least one reviewer from a UN entity holds. */
  unEntityReviewerPresent: boolean;
  /** Whether a version of the practice is in the library (a revision is under way, or none). */
  hasPublishedVersion: boolean;
}

/**
 * A published practice is revised through the same review as a new one, while the library keeps
 * its published version; the endings of that review split on this fact (ADR 0006).
 */
const revising: TransitionCondition<PracticeContext> = {
  label: 'has a published version',
  holds: (context) => context.hasPublishedVersion,
};
const firstRound: TransitionCondition<PracticeContext> = {
  label: 'has no published version',
  holds: (context) => !context.hasPublishedVersion,
};

const complete = ({ missingFields }: PracticeContext) =>
  missingFields.length ? `Complete these fields first: ${missingFields.join(', ')}.` : null;

const enoughReviews = ({ reviewsSubmitted, reviewsRequired }: PracticeContext) =>
  reviewsSubmitted < reviewsRequired
    ? `${reviewsRequired} reviews are required; ${reviewsSubmitted} submitted so far.`
    : null;

const panelReady = ({ activeReviewers, reviewsRequired, unEntityReviewerPresent }: PracticeContext) => {
  if (activeReviewers < reviewsRequired) {
    return `Invite at least ${reviewsRequired} reviewers; ${activeReviewers} so far.`;
  }
  return unEntityReviewerPresent ? null : 'At least one reviewer must come from a UN entity.';
};

const open = ['draft', 'submitted', 'screening', 'in_review', 'revisions_requested', 'resubmitted'] as const;

/** DESIGN §4: a good practice from a partner's draft, through screening and peer review, to publication. */
export const practiceWorkflow = defineWorkflow<PracticeState, PracticeTransition, PracticeContext>({
  name: 'practice',
  initial: 'draft',
  states: practiceStates,
  transitions: {
    submit: {
      from: ['draft'],
      to: 'submitted',
      guard: complete,
      effects: ['notifications.practice-submitted'],
    },
    start_screening: { from: ['submitted'], to: 'screening' },
    desk_reject: {
      from: ['screening'],
      to: 'rejected',
      when: firstRound,
      effects: ['notifications.practice-decided'],
    },
    // A revision turned down leaves the practice as it was published, not rejected.
    desk_reject_revision: {
      from: ['screening'],
      to: 'published',
      when: revising,
      effects: ['notifications.practice-decided'],
    },
    send_to_review: { from: ['screening'], to: 'in_review', guard: panelReady },
    request_revisions: {
      from: ['in_review'],
      to: 'revisions_requested',
      guard: enoughReviews,
      effects: ['notifications.practice-decided'],
    },
    resubmit: {
      from: ['revisions_requested'],
      to: 'resubmitted',
      guard: complete,
      effects: ['notifications.practice-submitted'],
    },
    resume_review: { from: ['resubmitted'], to: 'in_review' },
    accept: {
      from: ['in_review'],
      to: 'accepted',
      guard: enoughReviews,
      effects: ['notifications.practice-decided'],
    },
    reject: {
      from: ['in_review'],
      to: 'rejected',
      when: firstRound,
      guard: enoughReviews,
      effects: ['notifications.practice-decided'],
    },
    reject_revision: {
      from: ['in_review'],
      to: 'published',
      when: revising,
      guard: enoughReviews,
      effects: ['notifications.practice-decided'],
    },
    publish: { from: ['accepted'], to: 'published', effects: ['publishing.publish-practice'] },
    withdraw: { from: open, to: 'withdrawn', when: firstRound },
    withdraw_revision: {
      from: open,
      to: 'published',
      when: revising,
      effects: ['notifications.revision-withdrawn'],
    },
    // The authors start a new working version; the library keeps the published one meanwhile.
    // (Its condition always holds once published through the engine; rows written otherwise say none.)
    revise: { from: ['published'], to: 'draft', when: revising },
    // The published version can be taken out of the library whatever its revision is doing.
    retract: {
      from: ['published', ...open, 'accepted'],
      to: 'retracted',
      when: revising,
      effects: ['publishing.retract-practice'],
    },
  },
});

import type { RequestEvent } from '@sveltejs/kit';
import {
  AuthorReviewList,
  InviteReviewerInput,
  type Practice,
  ReviewAssignment,
  ReviewAssignmentList,
  ReviewerSuggestionList,
} from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { practiceSubject } from '$lib/practice';
import { actionFailure, invalidForm } from './failures';
import { abilityOf, requireUser } from './guard';
import { unlessMissing } from './optional';

/** Reviewers are invited while the practice is screened or reviewed (the API says the same). */
const invitableStates: readonly string[] = ['screening', 'in_review'];
/** States where a round of review has ended with a decision the authors may read about. */
const decidedStates: readonly string[] = [
  'revisions_requested',
  'resubmitted',
  'in_review',
  'accepted',
  'published',
  'rejected',
];

export interface ReviewSection {
  /** For editors: the panel, suggestions to invite from, and the reviews side by side. */
  reviewPanel: {
    assignments: ReviewAssignment[];
    /** Null when the API offers no suggestions (yet). */
    suggestions: ReviewerSuggestionList['items'] | null;
    canInvite: boolean;
  } | null;
  /** For authors: the submitted reviews, once the editor has decided (empty before). */
  authorReviews: AuthorReviewList['items'];
}

/** What /practices/[id] shows about peer review, depending on who looks. */
export async function loadReviewSection(locals: App.Locals, practice: Practice): Promise<ReviewSection> {
  const ability = abilityOf(locals);
  const id = practice.id;
  if (ability.can('create', 'ReviewAssignment')) {
    const canInvite = invitableStates.includes(practice.status);
    const [panel, suggestions] = await Promise.all([
      locals.api.get(`/api/practices/${id}/review-assignments`, ReviewAssignmentList),
      canInvite
        ? unlessMissing(locals.api.get(`/api/practices/${id}/reviewer-suggestions`, ReviewerSuggestionList))
        : null,
    ]);
    return {
      reviewPanel: { assignments: panel.items, suggestions: suggestions?.items ?? null, canInvite },
      authorReviews: [],
    };
  }
  const author = locals.user && ability.can('update', practiceSubject(practice));
  if (author && decidedStates.includes(practice.status)) {
    const reviews = await unlessMissing(locals.api.get(`/api/practices/${id}/reviews`, AuthorReviewList));
    return { reviewPanel: null, authorReviews: reviews?.items ?? [] };
  }
  return { reviewPanel: null, authorReviews: [] };
}

/** The "Invite" button of one suggested reviewer; failures are shown on that row. */
export async function inviteReviewer({ request, locals, url, params }: RequestEvent) {
  requireUser(locals, url);
  const data = await request.formData();
  const reviewerId = String(data.get('reviewerId') ?? '');
  const target = `invite-${reviewerId}`;
  const parsed = InviteReviewerInput.safeParse({ reviewerId });
  if (!parsed.success) return invalidForm({}, { target, message: m.panel_invite_invalid() });
  try {
    const assignment = await locals.api.post(
      `/api/practices/${params.id}/review-assignments`,
      ReviewAssignment,
      parsed.data,
    );
    return { invited: assignment.reviewerName };
  } catch (cause) {
    return actionFailure(cause, {
      target,
      codes: { DUPLICATE: m.panel_invite_duplicate, CONFLICT: m.panel_invite_invalid },
    });
  }
}

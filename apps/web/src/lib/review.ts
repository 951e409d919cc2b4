import type {
  InvitationOrigin,
  Recommendation,
  ReviewAssignment,
  RubricCriterion,
} from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';

type Label = () => string;

const criterionLabels: Record<RubricCriterion, Label> = {
  relevance: m.review_criterion_relevance,
  evidence: m.review_criterion_evidence,
  genderResponsiveness: m.review_criterion_genderResponsiveness,
  rightsBased: m.review_criterion_rightsBased,
  partnership: m.review_criterion_partnership,
  sustainability: m.review_criterion_sustainability,
  replicability: m.review_criterion_replicability,
};

const criterionHints: Record<RubricCriterion, Label> = {
  relevance: m.review_criterion_relevance_hint,
  evidence: m.review_criterion_evidence_hint,
  genderResponsiveness: m.review_criterion_genderResponsiveness_hint,
  rightsBased: m.review_criterion_rightsBased_hint,
  partnership: m.review_criterion_partnership_hint,
  sustainability: m.review_criterion_sustainability_hint,
  replicability: m.review_criterion_replicability_hint,
};

export const criterionLabel = (criterion: RubricCriterion): string => criterionLabels[criterion]();
export const criterionHint = (criterion: RubricCriterion): string => criterionHints[criterion]();

const recommendationLabels: Record<Recommendation, Label> = {
  accept: m.review_recommendation_accept,
  minor_revisions: m.review_recommendation_minor_revisions,
  major_revisions: m.review_recommendation_major_revisions,
  reject: m.review_recommendation_reject,
};

/** Unknown values (a newer API) show as they are. */
export const recommendationLabel = (value: string): string =>
  recommendationLabels[value as Recommendation]?.() ?? value;

type AssignmentStatus = ReviewAssignment['status'];

const statusLabels: Record<AssignmentStatus, Label> = {
  invited: m.review_status_invited,
  accepted: m.review_status_accepted,
  declined: m.review_status_declined,
  expired: m.review_status_expired,
  overdue: m.review_status_overdue,
  submitted: m.review_status_submitted,
};

export const assignmentStatusLabel = (status: string): string =>
  statusLabels[status as AssignmentStatus]?.() ?? status;

/** Badge colours: waiting on the reviewer, done, closed. */
export function assignmentStatusTone(status: string): 'pending' | 'active' | 'declined' | '' {
  if (status === 'invited' || status === 'overdue') return 'pending';
  if (status === 'submitted') return 'active';
  if (status === 'declined' || status === 'expired') return 'declined';
  return '';
}

const originLabels: Partial<Record<InvitationOrigin, Label>> = {
  backup: m.panel_origin_backup,
  disagreement: m.panel_origin_extra,
};

/** Invitations the review policy made on its own are marked; an editor's own are not. */
export const originLabel = (origin: InvitationOrigin): string | null => originLabels[origin]?.() ?? null;

/** A declaration other than "none" is something the editor should weigh. */
export const declaresConflict = (declaration: string | null): boolean =>
  !!declaration && declaration.trim().toLowerCase() !== 'none';

/** Reviews still to write: invited or accepted, not yet submitted. */
export const isOpenAssignment = (a: Pick<ReviewAssignment, 'status'>): boolean =>
  a.status === 'invited' || a.status === 'accepted' || a.status === 'overdue';

import type { Practice, PracticeContent, PracticeStatus } from '@pathways/contracts';
import { asSubject, type AppAbility } from '@pathways/permissions';
import { m } from '$lib/paraglide/messages';

type Label = () => string;

const statusLabels: Record<PracticeStatus, Label> = {
  draft: m.practice_status_draft,
  submitted: m.practice_status_submitted,
  screening: m.practice_status_screening,
  in_review: m.practice_status_in_review,
  revisions_requested: m.practice_status_revisions_requested,
  resubmitted: m.practice_status_resubmitted,
  accepted: m.practice_status_accepted,
  published: m.practice_status_published,
  rejected: m.practice_status_rejected,
  withdrawn: m.practice_status_withdrawn,
  retracted: m.practice_status_retracted,
};

/** The translated name of a workflow state; unknown states (a newer API) show as they are. */
export const statusLabel = (status: string): string => statusLabels[status as PracticeStatus]?.() ?? status;

/** Badge colours shared with the organisation badges: waiting on the authors, done, closed. */
export function statusTone(status: string): 'pending' | 'active' | 'declined' | '' {
  if (status === 'draft' || status === 'revisions_requested') return 'pending';
  if (status === 'accepted' || status === 'published') return 'active';
  if (status === 'rejected' || status === 'withdrawn' || status === 'retracted') return 'declined';
  return '';
}

const transitionLabels: Record<string, Label> = {
  submit: m.practice_transition_submit,
  start_screening: m.practice_transition_start_screening,
  desk_reject: m.practice_transition_desk_reject,
  send_to_review: m.practice_transition_send_to_review,
  request_revisions: m.practice_transition_request_revisions,
  resubmit: m.practice_transition_resubmit,
  resume_review: m.practice_transition_resume_review,
  accept: m.practice_transition_accept,
  reject: m.practice_transition_reject,
  publish: m.practice_transition_publish,
  withdraw: m.practice_transition_withdraw,
  retract: m.practice_transition_retract,
  revise: m.practice_transition_revise,
  desk_reject_revision: m.practice_transition_desk_reject_revision,
  reject_revision: m.practice_transition_reject_revision,
  withdraw_revision: m.practice_transition_withdraw_revision,
};

export const transitionLabel = (name: string): string => transitionLabels[name]?.() ?? name;

const fieldLabels: Partial<Record<keyof PracticeContent, Label>> = {
  title: m.practice_field_title,
  summary: m.practice_field_summary,
  problem: m.practice_field_problem,
  description: m.practice_field_description,
  themes: m.practice_field_themes,
  stages: m.practice_field_stages,
  targetGroups: m.practice_field_targetGroups,
  frameworks: m.practice_field_frameworks,
  countries: m.practice_field_countries,
  partners: m.practice_field_partners,
  period: m.practice_field_period,
  outcomes: m.practice_field_outcomes,
  indicators: m.practice_field_indicators,
  evidence: m.practice_field_evidence,
  lessons: m.practice_field_lessons,
  replicability: m.practice_field_replicability,
  sustainability: m.practice_field_sustainability,
  resources: m.practice_field_resources,
  genderAssessment: m.practice_field_genderAssessment,
  language: m.practice_field_language,
  licence: m.practice_field_licence,
};

/** The label of a content field, by its name in the contract (e.g. "targetGroups"). */
export const fieldLabel = (field: string): string => fieldLabels[field as keyof PracticeContent]?.() ?? field;

export const languageLabels: Record<string, Label> = {
  en: m.practice_language_en,
  es: m.practice_language_es,
  fr: m.practice_language_fr,
};

export const roleLabels: Record<string, Label> = {
  origin: m.practice_role_origin,
  transit: m.practice_role_transit,
  destination: m.practice_role_destination,
};

export const assessmentKeys = [
  'rightsBased',
  'genderResponsiveBudget',
  'participationOfMigrantWomen',
  'multiStakeholderCorridor',
  'accountabilityMechanism',
  'sexDisaggregatedData',
] as const;
export type AssessmentKey = (typeof assessmentKeys)[number];

export const assessmentLabels: Record<AssessmentKey, Label> = {
  rightsBased: m.practice_assessment_rightsBased,
  genderResponsiveBudget: m.practice_assessment_genderResponsiveBudget,
  participationOfMigrantWomen: m.practice_assessment_participationOfMigrantWomen,
  multiStakeholderCorridor: m.practice_assessment_multiStakeholderCorridor,
  accountabilityMechanism: m.practice_assessment_accountabilityMechanism,
  sexDisaggregatedData: m.practice_assessment_sexDisaggregatedData,
};

export const practiceTitle = (content: PracticeContent): string =>
  content.title?.trim() || m.practice_untitled();

/** The practice as a CASL subject, for the same checks the API makes (no owner when it is hidden). */
export const practiceSubject = (practice: Practice) =>
  asSubject('Practice', {
    id: practice.id,
    organisation: practice.organisationId ?? '',
    status: practice.status,
    // Only whether one exists matters to the rules; the number stands in for the id.
    publishedVersion:
      practice.publishedVersionNumber === null ? null : String(practice.publishedVersionNumber),
  });

/** A published practice whose authors are revising it: the library still shows the published version. */
export const underRevision = (practice: Practice): boolean =>
  practice.publishedVersionNumber !== null &&
  practice.status !== 'published' &&
  practice.status !== 'retracted';

/** Authors hold the practice (and may change it) while it is a draft or revisions are requested. */
export const canEditPractice = (ability: AppAbility, practice: Practice): boolean =>
  (practice.status === 'draft' || practice.status === 'revisions_requested') &&
  ability.can('update', practiceSubject(practice));

import type { PilotContent, WorkflowEventDto } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

type Label = () => string;

const label =
  (labels: Record<string, Label>) =>
  (key: string): string =>
    labels[key]?.() ?? key;

/** A pilot's workflow state in words; an unknown state (a newer API) shows as it is. */
export const pilotStatusLabel = label({
  draft: m.pilots_status_draft,
  proposed: m.pilots_status_proposed,
  forming: m.pilots_status_forming,
  active: m.pilots_status_active,
  completed: m.pilots_status_completed,
  closed: m.pilots_status_closed,
  withdrawn: m.pilots_status_withdrawn,
});

/** Badge colours shared with the other badges: still being prepared, running or done, ended. */
export function pilotStatusTone(status: string): 'pending' | 'active' | 'declined' | '' {
  if (status === 'draft' || status === 'proposed' || status === 'forming') return 'pending';
  if (status === 'active' || status === 'completed') return 'active';
  if (status === 'closed' || status === 'withdrawn') return 'declined';
  return '';
}

export const pilotTransitionLabel = label({
  propose: m.pilots_transition_propose,
  start_forming: m.pilots_transition_start_forming,
  activate: m.pilots_transition_activate,
  complete: m.pilots_transition_complete,
  close: m.pilots_transition_close,
  withdraw: m.pilots_transition_withdraw,
  // The invitations' own transitions, as the timeline shows them.
  invite: m.pilots_transition_invite,
  accept: m.pilots_transition_accept,
  decline: m.pilots_transition_decline,
  expire: m.pilots_transition_expire,
});

export const partnerRoleLabel = label({
  lead: m.pilots_role_lead,
  implementing: m.pilots_role_implementing,
  funding: m.pilots_role_funding,
  technical: m.pilots_role_technical,
  advisory: m.pilots_role_advisory,
});

export const partnerStatusLabel = label({
  invited: m.pilots_partner_invited,
  accepted: m.pilots_partner_accepted,
  declined: m.pilots_partner_declined,
  expired: m.pilots_partner_expired,
  withdrawn: m.pilots_partner_withdrawn,
});

/** What an event of the pilot's timeline concerns and how it qualifies it, as the sentences need them. */
type Told = (facts: { subject: string; role: string; compiled: boolean }) => string;

// Changes that leave the pilot's state as it is (pilotChangeEvents), and its invitations' own events.
const pilotChanges: Record<string, Told> = {
  edit: () => m.pilots_timeline_edit(),
  invite: ({ subject, role }) => m.pilots_timeline_invite({ organisation: subject, role }),
  add_milestone: ({ subject }) => m.pilots_timeline_add_milestone({ milestone: subject }),
  update_milestone: ({ subject }) => m.pilots_timeline_update_milestone({ milestone: subject }),
  remove_milestone: ({ subject }) => m.pilots_timeline_remove_milestone({ milestone: subject }),
  draft_report: ({ subject, compiled }) =>
    (compiled ? m.pilots_timeline_draft_compiled_report : m.pilots_timeline_draft_report)({
      organisation: subject,
    }),
  submit_report: ({ subject, compiled }) =>
    (compiled ? m.pilots_timeline_submit_compiled_report : m.pilots_timeline_submit_report)({
      organisation: subject,
    }),
  discard_report: ({ subject, compiled }) =>
    (compiled ? m.pilots_timeline_discard_compiled_report : m.pilots_timeline_discard_report)({
      organisation: subject,
    }),
  draft_practice: ({ subject }) => m.pilots_timeline_draft_practice({ title: subject }),
};
const invitationEvents: Record<string, Told> = {
  reinvite: ({ subject, role }) => m.pilots_timeline_reinvite({ organisation: subject, role }),
  accept: ({ subject }) => m.pilots_timeline_accept({ organisation: subject }),
  decline: ({ subject }) => m.pilots_timeline_decline({ organisation: subject }),
  expire: ({ subject }) => m.pilots_timeline_expire({ organisation: subject }),
  withdraw: ({ subject }) => m.pilots_timeline_withdraw_invitation({ organisation: subject }),
};

/**
 * The pilot timeline's sentence for an event that is not a change of the pilot's state: "Invited
 * Red de Mujeres Migrantes (implementing)", "Milestone updated: Helpline opens". Null for a change
 * of state, which the timeline tells as "Propose: Draft → Proposed"; an unknown change (a newer
 * API) by its name.
 */
export function pilotEventSentence(event: WorkflowEventDto): string | null {
  const ofInvitation = event.workflow === 'pilot-partner';
  if (!ofInvitation && event.fromState !== event.toState) return null;
  const told = (ofInvitation ? invitationEvents : pilotChanges)[event.transition];
  if (!told) return pilotTransitionLabel(event.transition);
  return told({
    subject: event.subject || m.pilots_timeline_someone(),
    role: event.detail ? partnerRoleLabel(event.detail).toLocaleLowerCase(getLocale()) : '',
    compiled: event.detail === 'compiled',
  });
}

export const budgetRangeLabel = label({
  'under-50k': m.pilots_budget_under_50k,
  '50k-250k': m.pilots_budget_50k_250k,
  '250k-1m': m.pilots_budget_250k_1m,
  '1m-5m': m.pilots_budget_1m_5m,
  'over-5m': m.pilots_budget_over_5m,
});

export const countryRoleLabel = label({
  origin: m.practice_role_origin,
  transit: m.practice_role_transit,
  destination: m.practice_role_destination,
});

export const pilotTitle = (content: PilotContent): string => content.title?.trim() || m.pilots_untitled();

/** The labels of the proposal's fields, by form key, for the error summary. */
export const proposalFieldLabels: Record<string, Label> = {
  organisationId: m.pilots_field_lead,
  title: m.pilots_field_title,
  summary: m.pilots_field_summary,
  objectives: m.pilots_field_objectives,
  themes: m.pilots_field_themes,
  stages: m.pilots_field_stages,
  countries: m.pilots_field_countries,
  'period.start': m.pilots_field_period_start,
  'period.end': m.pilots_field_period_end,
  'budget.range': m.pilots_field_budget_range,
  'budget.sources': m.pilots_field_budget_sources,
  expectedResults: m.pilots_field_expected_results,
  indicators: m.pilots_field_indicators,
  frameworks: m.pilots_field_frameworks,
  language: m.pilots_field_language,
};

const columnLabels: Record<string, Label> = {
  indicator: m.practice_indicator_name,
  unit: m.practice_indicator_unit,
  women: m.pilots_indicator_women_target,
  men: m.pilots_indicator_men_target,
  code: m.practice_country_code,
  role: m.practice_country_role,
};

/** Names a problem in the error summary, e.g. "Target indicators 1: Target for women". */
export function proposalSummaryLabel(key: string): string {
  const row = /^(\w+)\.(\d+)\.(\w+)$/.exec(key);
  if (row) {
    const group = proposalFieldLabels[row[1] ?? '']?.() ?? row[1];
    return `${group} ${Number(row[2]) + 1}: ${columnLabels[row[3] ?? '']?.() ?? row[3]}`;
  }
  return proposalFieldLabels[key]?.() ?? key;
}

export const milestoneStatusLabel = label({
  planned: m.pilot_visual_milestone_planned,
  in_progress: m.pilot_visual_milestone_in_progress,
  done: m.pilot_visual_milestone_done,
  delayed: m.pilot_visual_milestone_delayed,
  cancelled: m.pilot_visual_milestone_cancelled,
});

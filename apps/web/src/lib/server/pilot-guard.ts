import { missingForProposal, type AvailableTransitions, type Pilot } from '@pathways/contracts';
import { pilotMinimumPartners } from '@pathways/workflow';
import { countryName } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

type Transition = AvailableTransitions['items'][number];

export interface PilotTransitionView {
  name: string;
  enabled: boolean;
  /** Why it is not possible now, in the page's language; null when it is. */
  reason: string | null;
}

type Label = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const fieldLabels: Record<string, Label> = {
  title: m.pilots_field_title,
  summary: m.pilots_field_summary,
  objectives: m.pilots_field_objectives,
  themes: m.pilots_field_themes,
  stages: m.pilots_field_stages,
  countries: m.pilots_field_countries,
  period: m.pilots_field_period,
  expectedResults: m.pilots_field_expected_results,
  indicators: m.pilots_field_indicators,
  language: m.pilots_field_language,
};

/**
 * Why a pilot cannot become active, rebuilt in the user's language from the pilot itself with the
 * same rule as the workflow's guard (libs/workflow pilotActivationBlock): at least two accepted
 * partners besides the lead, and an accepted partner from or working in a country of origin and in
 * one of destination. Empty when it can.
 */
export function activationReasons(pilot: Pilot, locale: Locale): string[] {
  const accepted = pilot.partners.filter((p) => p.status === 'accepted');
  const partners = accepted.filter((p) => p.role !== 'lead').length;
  const covered = new Set(
    accepted.flatMap((p) => [p.organisation.country, ...p.countries]).filter((c): c is string => !!c),
  );
  const reasons: string[] = [];
  const options = { locale };
  if (partners < pilotMinimumPartners)
    reasons.push(m.pilots_guard_partners({ needed: pilotMinimumPartners, accepted: partners }, options));
  const countries = pilot.content.countries ?? [];
  for (const role of ['origin', 'destination'] as const) {
    const codes = countries.filter((c) => c.role === role).map((c) => c.code);
    const names = codes.map((code) => countryName(code, locale)).join(', ');
    if (!codes.length)
      reasons.push(
        role === 'origin'
          ? m.pilots_guard_no_origin({}, options)
          : m.pilots_guard_no_destination({}, options),
      );
    else if (!codes.some((code) => covered.has(code)))
      reasons.push(
        role === 'origin'
          ? m.pilots_guard_origin_uncovered({ countries: names }, options)
          : m.pilots_guard_destination_uncovered({ countries: names }, options),
      );
  }
  return reasons;
}

/** The reason a transition is refused, translated where the web knows the rule, else the API's words. */
function reasonFor(transition: Transition, pilot: Pilot, locale: Locale): string | null {
  if (transition.enabled) return null;
  const options = { locale };
  if (transition.name === 'propose') {
    const missing = missingForProposal(pilot.content);
    if (missing.length)
      return m.pilots_guard_missing(
        { fields: missing.map((f) => fieldLabels[f]?.({}, options) ?? f).join(', ') },
        options,
      );
  }
  if (transition.name === 'start_forming' && !pilot.partners.some((p) => p.role !== 'lead'))
    return m.pilots_guard_invite_first({}, options);
  if (transition.name === 'activate') {
    const reasons = activationReasons(pilot, locale);
    if (reasons.length) return reasons.join(' ');
  }
  return transition.reason ?? m.pilots_transition_unavailable({}, options);
}

/** The workflow buttons of a pilot, each with the reason (in words) when it is disabled. */
export const pilotTransitionViews = (
  transitions: readonly Transition[],
  pilot: Pilot,
  locale: Locale,
): PilotTransitionView[] =>
  transitions.map((t) => ({ name: t.name, enabled: t.enabled, reason: reasonFor(t, pilot, locale) }));

import type { RegistryPilotSummary } from '@pathways/contracts';
import { countryName, formatDate } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { ApiClient } from '$lib/server/api';
import { type Option, vocabularyOptions } from '$lib/server/taxonomy';

/** How the registry names codes in the interface language. */

export const pilotStatusLabels: Record<RegistryPilotSummary['status'], () => string> = {
  active: m.registry_status_active,
  completed: m.registry_status_completed,
  closed: m.registry_status_closed,
};

export const reportingLabels: Record<RegistryPilotSummary['reportingStatus'], () => string> = {
  green: m.registry_reporting_green,
  yellow: m.registry_reporting_yellow,
  red: m.registry_reporting_red,
};

export const partnerRoleLabels: Record<string, () => string> = {
  lead: m.registry_role_lead,
  implementing: m.registry_role_implementing,
  funding: m.registry_role_funding,
  technical: m.registry_role_technical,
  advisory: m.registry_role_advisory,
};

export interface RegistryLabels {
  theme: (code: string) => string;
  stage: (code: string) => string;
  role: (code: string) => string;
  kind: (code: string) => string;
  framework: (code: string) => string;
  country: (code: string) => string;
  options: { theme: Option[]; stage: Option[]; role: Option[]; kind: Option[] };
}

export async function registryLabels(api: ApiClient, locale: Locale): Promise<RegistryLabels> {
  // One call fills the taxonomy cache, so the others do not each ask the API.
  const theme = await vocabularyOptions(api, 'theme', locale);
  const [stage, role, kind, framework] = await Promise.all([
    vocabularyOptions(api, 'stage', locale),
    vocabularyOptions(api, 'country_role', locale),
    vocabularyOptions(api, 'organisation_kind', locale),
    vocabularyOptions(api, 'framework', locale),
  ]);
  const labeller = (options: Option[]) => {
    const labels = new Map(options.map((o) => [o.value, o.label]));
    return (code: string) => labels.get(code) ?? code;
  };
  return {
    theme: labeller(theme),
    stage: labeller(stage),
    role: labeller(role),
    kind: labeller(kind),
    framework: labeller(framework),
    country: (code) => countryName(code, locale),
    options: { theme, stage, role, kind },
  };
}

/** A pilot as a list or page shows it: codes named, the corridor grouped by role, dates formatted. */
export function pilotView(pilot: RegistryPilotSummary, label: RegistryLabels, locale: Locale) {
  const roles = ['origin', 'transit', 'destination'] as const;
  return {
    id: pilot.id,
    slug: pilot.slug,
    title: pilot.title,
    summary: pilot.summary,
    lead: { id: pilot.lead.id, name: pilot.lead.name, kind: label.kind(pilot.lead.kind) },
    status: pilot.status,
    statusLabel: pilotStatusLabels[pilot.status](),
    reporting: pilot.reportingStatus,
    reportingLabel: reportingLabels[pilot.reportingStatus](),
    themes: pilot.themes.map(label.theme),
    stages: pilot.stages.map(label.stage),
    corridor: roles
      .map((role) => ({
        role,
        label: label.role(role),
        countries: pilot.countries.filter((c) => c.role === role).map((c) => label.country(c.code)),
      }))
      .filter((group) => group.countries.length > 0),
    period:
      pilot.period.start || pilot.period.end
        ? m.registry_period_range({
            start: pilot.period.start ? formatDate(pilot.period.start, locale) : '…',
            end: pilot.period.end ? formatDate(pilot.period.end, locale) : '…',
          })
        : null,
    activatedAt: formatDate(pilot.activatedAt, locale),
    lastReportAt: pilot.lastReportAt ? formatDate(pilot.lastReportAt, locale) : null,
  };
}
export type PilotView = ReturnType<typeof pilotView>;

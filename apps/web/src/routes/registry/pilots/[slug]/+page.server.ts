import { RegistryPilot } from '@pathways/contracts';
import { countryName, formatDate } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { corridorMap } from '$lib/pilots/corridor-map';
import { loadFailure } from '$lib/server/failures';
import { partnerRoleLabels, pilotView, registryLabels } from '$lib/server/registry-labels';
import type { PageServerLoad } from './$types';

const budgetLabels: Record<string, () => string> = {
  'under-50k': m.registry_budget_under_50k,
  '50k-250k': m.registry_budget_50k_250k,
  '250k-1m': m.registry_budget_250k_1m,
  '1m-5m': m.registry_budget_1m_5m,
  'over-5m': m.registry_budget_over_5m,
};

// The corridor map is drawn on the server; rendered without client code, its paths are not
// serialised into the page a second time ($lib/pilots/README.md).
export const csr = false;

/** A public pilot's page; drafts, forming pilots and unknown slugs are the API's 404. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const locale = getLocale();
  const [pilot, label] = await Promise.all([
    locals.api
      .get(`/api/registry/pilots/${encodeURIComponent(params.slug)}`, RegistryPilot)
      .catch(loadFailure),
    registryLabels(locals.api, locale),
  ]);
  return {
    corridorMap: corridorMap(pilot.countries.map((c) => ({ ...c, name: countryName(c.code, locale) }))),
    milestones: pilot.milestones.map(({ title, dueDate, status, progress }) => ({
      title,
      dueDate,
      status,
      progress,
    })),
    pilot: {
      ...pilotView(pilot, label, locale),
      objectives: pilot.objectives,
      expectedResults: pilot.expectedResults,
      frameworks: pilot.frameworks.map(label.framework),
      budget: {
        range: pilot.budget.range ? budgetLabels[pilot.budget.range]() : null,
        sources: pilot.budget.sources ?? [],
      },
      completedAt: pilot.completedAt ? formatDate(pilot.completedAt, locale) : null,
      closedReason: pilot.closedReason,
      partners: pilot.partners.map((p) => ({
        id: p.organisation.id,
        name: p.organisation.name,
        kind: label.kind(p.organisation.kind),
        country: p.organisation.country ? label.country(p.organisation.country) : '—',
        role: partnerRoleLabels[p.role](),
      })),
      latestReport: pilot.latestReport && {
        period: m.registry_period_range({
          start: formatDate(pilot.latestReport.periodStart, locale),
          end: formatDate(pilot.latestReport.periodEnd, locale),
        }),
        submittedAt: formatDate(pilot.latestReport.submittedAt, locale),
        narrative: pilot.latestReport.narrative,
      },
      indicators: pilot.indicators,
      practices: pilot.practices,
    },
  };
};

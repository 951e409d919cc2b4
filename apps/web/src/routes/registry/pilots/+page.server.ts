import { RegistryPilotList } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { ApiFailure } from '$lib/server/api-failure';
import { countryOptions } from '$lib/server/countries';
import { loadFailure } from '$lib/server/failures';
import { pilotStatusLabels, pilotView, registryLabels, reportingLabels } from '$lib/server/registry-labels';
import {
  pilotApiParams,
  pilotFilterCount,
  pilotFilterSearch,
  pilotQueryFromUrl,
} from '$lib/server/registry-query';
import type { PageServerLoad } from './$types';

const parameterNames: Record<string, () => string> = {
  q: m.registry_search_label,
  theme: m.registry_filter_theme,
  stage: m.registry_filter_stage,
  country: m.registry_filter_country,
  role: m.registry_filter_role,
  status: m.registry_filter_status,
  reportingStatus: m.registry_filter_reporting,
  page: m.registry_page_param,
  pageSize: m.registry_page_size_param,
};

/**
 * The public pilot registry: a GET form whose whole state is in the address, so it works without
 * JavaScript and can be shared. The form offers one value a filter; an address may hold several.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const locale = getLocale();
  const { query, ignored } = pilotQueryFromUrl(url.searchParams);
  const list = async (): Promise<RegistryPilotList | null> => {
    try {
      return await locals.api.get('/api/registry/pilots', RegistryPilotList, pilotApiParams(query));
    } catch (cause) {
      // While the registry is not deployed or is down, the page says so rather than failing.
      if (cause instanceof ApiFailure && [404, 503].includes(cause.status)) return null;
      loadFailure(cause);
    }
  };
  const [result, label] = await Promise.all([list(), registryLabels(locals.api, locale)]);
  const first = (values: readonly string[]) => values[0] ?? '';
  return {
    values: {
      q: query.q ?? '',
      theme: first(query.theme),
      stage: first(query.stage),
      country: first(query.country),
      role: first(query.role),
      status: first(query.status),
      reportingStatus: first(query.reportingStatus),
    },
    pageSize: query.pageSize,
    options: {
      theme: label.options.theme,
      stage: label.options.stage,
      country: countryOptions(locale),
      role: label.options.role,
      status: Object.entries(pilotStatusLabels).map(([value, text]) => ({ value, label: text() })),
      reportingStatus: Object.entries(reportingLabels).map(([value, text]) => ({ value, label: text() })),
    },
    ignored: ignored.map((name) => parameterNames[name]?.() ?? name),
    filtered: pilotFilterCount(query) > 0,
    // Exports and the feed hold every match of these filters, not a page.
    exportSearch: pilotFilterSearch(query),
    unavailable: result === null,
    result: result && {
      total: result.total,
      page: result.page,
      pageSize: result.pageSize,
      items: result.items.map((pilot) => pilotView(pilot, label, locale)),
    },
  };
};

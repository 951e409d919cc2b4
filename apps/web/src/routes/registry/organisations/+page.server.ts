import { RegistryOrganisationList } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { ApiFailure } from '$lib/server/api-failure';
import { countryOptions } from '$lib/server/countries';
import { loadFailure } from '$lib/server/failures';
import { registryLabels } from '$lib/server/registry-labels';
import { organisationQueryFromUrl } from '$lib/server/registry-query';
import type { PageServerLoad } from './$types';

const parameterNames: Record<string, () => string> = {
  kind: m.registry_kind_label,
  country: m.registry_filter_country,
  page: m.registry_page_param,
  pageSize: m.registry_page_size_param,
};

/** The organisation directory: who runs the registry's pilots and wrote the library's practices. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const locale = getLocale();
  const { query, ignored } = organisationQueryFromUrl(url.searchParams);
  const list = async (): Promise<RegistryOrganisationList | null> => {
    try {
      return await locals.api.get('/api/registry/organisations', RegistryOrganisationList, {
        kind: query.kind,
        country: query.country,
        page: query.page,
        pageSize: query.pageSize,
      });
    } catch (cause) {
      if (cause instanceof ApiFailure && [404, 503].includes(cause.status)) return null;
      loadFailure(cause);
    }
  };
  const [result, label] = await Promise.all([list(), registryLabels(locals.api, locale)]);
  return {
    values: { kind: query.kind[0] ?? '', country: query.country[0] ?? '' },
    pageSize: query.pageSize,
    options: { kind: label.options.kind, country: countryOptions(locale) },
    ignored: ignored.map((name) => parameterNames[name]?.() ?? name),
    filtered: query.kind.length + query.country.length > 0,
    unavailable: result === null,
    result: result && {
      total: result.total,
      page: result.page,
      pageSize: result.pageSize,
      items: result.items.map((o) => ({
        id: o.id,
        name: o.name,
        kind: label.kind(o.kind),
        country: o.country ? label.country(o.country) : m.registry_international(),
        pilotCount: o.pilotCount,
        practiceCount: o.publishedPracticeCount,
      })),
    },
  };
};

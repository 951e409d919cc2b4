import {
  facetNames,
  LibrarySearchResult,
  librarySorts,
  type FacetName,
  type LibraryHit,
  type LibrarySearchQuery,
} from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import type { Validated } from '$lib/server/api';
import { ApiFailure } from '$lib/server/api-failure';
import { loadFailure } from '$lib/server/failures';
import {
  apiParams,
  filterCount,
  libraryHref,
  queryFromUrl,
  statisticsHref,
  withoutFilter,
  withoutFilters,
} from '$lib/server/library-query';
import { facetLegends, type Labeller, labellers } from '$lib/server/library-labels';
import { pageValidators, readerOf } from '$lib/server/page-validators';
import type { PageServerLoad } from './$types';

const languageNames: Record<Locale, () => string> = {
  en: m.practice_language_en,
  es: m.practice_language_es,
  fr: m.practice_language_fr,
};

const parameterNames: Record<string, () => string> = {
  ...facetLegends,
  q: m.library_search_label,
  language: m.library_language_label,
  sort: m.library_sort_label,
  page: m.library_page_param,
  pageSize: m.library_page_size_param,
};

/** A hit as the page shows it: countries named once, and grouped by their role in the corridor. */
function hitView(hit: LibraryHit, label: Record<FacetName, Labeller>) {
  const roles = ['origin', 'transit', 'destination'] as const;
  return {
    id: hit.id,
    slug: hit.slug,
    title: hit.title,
    summary: hit.summary,
    organisationName: hit.organisationName,
    organisationKind: label.organisationKind(hit.organisationKind),
    countries: [...new Set(hit.countries.map((c) => c.code))].map((code) => label.country(code)).join(', '),
    corridor: roles
      .map((role) => ({
        role: label.role(role),
        countries: hit.countries
          .filter((c) => c.role === role)
          .map((c) => label.country(c.code))
          .join(', '),
      }))
      .filter((group) => group.countries),
    year: hit.year,
    language: languageNames[hit.language](),
    retracted: hit.retracted,
  };
}

/**
 * Facet groups with their counts; a chosen value stays listed (so it can be unchecked) even when
 * the API no longer counts it.
 */
function facetViews(
  query: LibrarySearchQuery,
  facets: LibrarySearchResult['facets'] | null,
  label: Record<FacetName, Labeller>,
) {
  return facetNames
    .map((name) => {
      const chosen = query[name].map(String);
      const counted = facets?.[name] ?? [];
      const values = [
        ...counted,
        ...chosen
          .filter((value) => !counted.some((c) => c.value === value))
          .map((value) => ({ value, count: 0 })),
      ];
      return {
        name,
        legend: facetLegends[name](),
        options: values.map(({ value, count }) => ({
          value,
          label: label[name](value),
          count,
          checked: chosen.includes(value),
        })),
      };
    })
    .filter((facet) => facet.options.length > 0);
}

/** The filters in force, each with the address of the same search without it. */
function activeFilters(query: LibrarySearchQuery, label: Record<FacetName, Labeller>) {
  const active = facetNames.flatMap((name) =>
    query[name].map(String).map((value) => ({
      label: `${facetLegends[name]()}: ${label[name](value)}`,
      href: libraryHref(withoutFilter(query, name, value)),
    })),
  );
  if (query.language) {
    active.push({
      label: `${m.library_language_label()}: ${languageNames[query.language]()}`,
      href: libraryHref({ ...query, language: undefined, page: 1 }),
    });
  }
  return active;
}

/**
 * The public library: a search whose whole state is in the address, so it can be shared. The page's
 * ETag follows the API's (which a publication changes), so a browser's current copy costs a 304.
 */
export const load: PageServerLoad = async ({ locals, url, parent, setHeaders }) => {
  const locale = getLocale();
  const { query, ignored } = queryFromUrl(url.searchParams);
  const search = async (): Promise<Validated<LibrarySearchResult> | null> => {
    try {
      return await locals.api.getWithValidators(
        '/api/library/practices',
        LibrarySearchResult,
        apiParams(query),
      );
    } catch (cause) {
      // Until the search is deployed (or while it is down), the page says so rather than failing.
      if (cause instanceof ApiFailure && [404, 503].includes(cause.status)) return null;
      loadFailure(cause);
    }
  };
  const [answer, label] = await Promise.all([search(), labellers(locals.api, locale)]);
  const result = answer?.data ?? null;
  const unavailable = result === null;
  if (answer?.etag) {
    setHeaders(
      pageValidators({
        upstream: answer.etag,
        lastModified: answer.lastModified,
        locale,
        reader: readerOf(await parent()),
        address: url,
      }),
    );
  }
  return {
    q: query.q ?? '',
    sort: query.sort,
    sorts: librarySorts,
    language: query.language ?? '',
    pageSize: query.pageSize,
    ignored: ignored.map((name) => parameterNames[name]?.() ?? name),
    unavailable,
    filtered: filterCount(query) > 0,
    facets: facetViews(query, result?.facets ?? null, label),
    active: activeFilters(query, label),
    clearHref: libraryHref(withoutFilters(query)),
    // The statistics of the practices these filters select.
    statisticsHref: statisticsHref(query),
    didYouMean: result?.didYouMean
      ? { text: result.didYouMean, href: libraryHref({ ...query, q: result.didYouMean, page: 1 }) }
      : null,
    result: result && {
      total: result.total,
      approximate: result.approximate,
      page: result.page,
      pageSize: result.pageSize,
      items: result.items.map((hit) => hitView(hit, label)),
    },
  };
};

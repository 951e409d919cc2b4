import {
  type FacetCount,
  type FacetName,
  facetNames,
  LibrarySearchQuery,
  LibraryStatistics,
} from '@pathways/contracts';
import { countryName } from '$lib/format';
import { getLocale } from '$lib/paraglide/runtime';
import type { Validated } from '$lib/server/api';
import { ApiFailure } from '$lib/server/api-failure';
import { loadFailure } from '$lib/server/failures';
import { facetLegends, type Labeller, labellers } from '$lib/server/library-labels';
import {
  libraryHref,
  queryFromUrl,
  statisticsHref,
  statisticsParams,
  withoutFilter,
  withoutFilters,
} from '$lib/server/library-query';
import { pageValidators, readerOf } from '$lib/server/page-validators';
import type { PageServerLoad } from './$types';

// Server-rendered figures, charts in SVG and tables in <details>: nothing here needs JavaScript.
export const csr = false;

const labelled = (counts: FacetCount[], label: Labeller) =>
  counts.map(({ value, count }) => ({ key: value, label: label(value), count }));

const isFacet = (name: string): name is FacetName => (facetNames as readonly string[]).includes(name);

/**
 * The library's statistics, narrowed by the same filters as a search, all of them in the address.
 * The page's ETag follows the API's, so a browser's current copy costs a 304.
 */
export const load: PageServerLoad = async ({ locals, url, parent, setHeaders }) => {
  const locale = getLocale();
  const { query, ignored } = queryFromUrl(url.searchParams);
  const fetchStatistics = async (): Promise<Validated<LibraryStatistics> | null> => {
    try {
      return await locals.api.getWithValidators(
        '/api/library/statistics',
        LibraryStatistics,
        statisticsParams(query),
      );
    } catch (cause) {
      if (cause instanceof ApiFailure && [404, 503].includes(cause.status)) return null;
      loadFailure(cause);
    }
  };
  const [answer, label] = await Promise.all([fetchStatistics(), labellers(locals.api, locale)]);
  const statistics = answer?.data ?? null;
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
  const active = facetNames.flatMap((name) =>
    query[name].map(String).map((value) => ({
      label: `${facetLegends[name]()}: ${label[name](value)}`,
      href: statisticsHref(withoutFilter(query, name, value)),
    })),
  );
  return {
    ignored: ignored.filter(isFacet).map((name) => facetLegends[name]()),
    unavailable: statistics === null,
    active,
    clearHref: statisticsHref(withoutFilters(query)),
    // The same filters in the library, to read the practices behind the figures.
    libraryHref: libraryHref(
      LibrarySearchQuery.parse(Object.fromEntries(facetNames.map((name) => [name, query[name]]))),
    ),
    statistics: statistics && {
      total: statistics.total,
      retracted: statistics.retracted,
      byTheme: labelled(statistics.byTheme, label.theme),
      byStage: labelled(statistics.byStage, label.stage),
      byRegion: labelled(statistics.byRegion, label.region),
      byYear: labelled(statistics.byYear, label.year),
      corridors: statistics.corridors.map(({ origin, destination, count }) => ({
        key: `${origin}-${destination}`,
        label: `${countryName(origin, locale)} → ${countryName(destination, locale)}`,
        count,
      })),
      review: statistics.review,
    },
  };
};

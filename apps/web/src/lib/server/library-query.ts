import { facetNames, LibrarySearchQuery, type FacetName } from '@pathways/contracts';

/**
 * The library's address is its state: the search words, filters, sort and page live in the query
 * string, so a shared link reproduces the view. These functions read an address into the API's
 * query and write a query back into an address.
 */

const scalarNames = ['q', 'language', 'sort', 'page', 'pageSize'] as const;
const defaults = LibrarySearchQuery.parse({});
const shape = LibrarySearchQuery.shape;

export interface LibraryView {
  query: LibrarySearchQuery;
  /** Parameters with values that were not understood and were left out, to say so politely. */
  ignored: string[];
}

/**
 * Reads the address value by value: a bad value is left out (and named in `ignored`) instead of
 * failing the page, empty values are no values, and unknown parameters are not the library's.
 */
export function queryFromUrl(params: URLSearchParams): LibraryView {
  const raw: Record<string, unknown> = {};
  const ignored = new Set<string>();
  for (const name of scalarNames) {
    const value = params.get(name)?.trim();
    if (!value) continue;
    if (shape[name].safeParse(value).success) raw[name] = value;
    else ignored.add(name);
  }
  for (const name of facetNames) {
    const values: unknown[] = [];
    for (const value of new Set(params.getAll(name).map((v) => v.trim()))) {
      if (!value) continue;
      const parsed = shape[name].safeParse([value]);
      if (parsed.success && values.length < 20) values.push(...parsed.data);
      else ignored.add(name);
    }
    raw[name] = values;
  }
  return { query: LibrarySearchQuery.parse(raw), ignored: [...ignored] };
}

type ApiQuery = Record<string, string | number | readonly (string | number)[] | undefined>;

/** The query as the API reads it: one parameter per filter value. */
export function apiParams(query: LibrarySearchQuery): ApiQuery {
  const params: ApiQuery = { q: query.q || undefined };
  for (const name of facetNames) params[name] = query[name];
  return {
    ...params,
    language: query.language,
    sort: query.sort,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The library's path for a query, without the defaults, in a fixed order — so the same view
 * always has the same address.
 */
export function libraryHref(query: LibrarySearchQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.append('q', query.q);
  for (const name of facetNames) for (const value of query[name]) params.append(name, String(value));
  if (query.language) params.append('language', query.language);
  if (query.sort !== defaults.sort) params.append('sort', query.sort);
  if (query.page !== defaults.page) params.append('page', String(query.page));
  if (query.pageSize !== defaults.pageSize) params.append('pageSize', String(query.pageSize));
  const search = params.toString();
  return search ? `/library?${search}` : '/library';
}

/** The same search without one filter value, from its first page. */
export function withoutFilter(query: LibrarySearchQuery, name: FacetName, value: string): LibrarySearchQuery {
  return { ...query, [name]: query[name].filter((v) => String(v) !== value), page: 1 };
}

/** The same words and sort with no filters at all. */
export function withoutFilters(query: LibrarySearchQuery): LibrarySearchQuery {
  return { ...defaults, q: query.q, sort: query.sort, pageSize: query.pageSize };
}

/** How many filters narrow the search (the words are not a filter). */
export const filterCount = (query: LibrarySearchQuery): number =>
  facetNames.reduce((sum, name) => sum + query[name].length, query.language ? 1 : 0);

/** The filters of a query, as the statistics read them (words, language, sort and page aside). */
export function statisticsParams(query: LibrarySearchQuery): ApiQuery {
  return Object.fromEntries(facetNames.map((name) => [name, query[name]]));
}

/** The statistics page's path for the filters of a query, in the same fixed order as the library's. */
export function statisticsHref(query: LibrarySearchQuery): string {
  const params = new URLSearchParams();
  for (const name of facetNames) for (const value of query[name]) params.append(name, String(value));
  const search = params.toString();
  return search ? `/library/statistics?${search}` : '/library/statistics';
}

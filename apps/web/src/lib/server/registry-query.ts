import { RegistryOrganisationQuery, RegistryPilotQuery } from '@pathways/contracts';
import type { z } from 'zod';

/**
 * The registry's and directory's addresses are their state: filters and page in the query string.
 * A value that is not understood is left out and named, rather than failing the page.
 */

export const pilotFilterNames = ['theme', 'stage', 'country', 'role', 'status', 'reportingStatus'] as const;
export type PilotFilterName = (typeof pilotFilterNames)[number];
export const organisationFilterNames = ['kind', 'country'] as const;

export interface RegistryView<Q> {
  query: Q;
  /** Parameters with values that were not understood and were left out. */
  ignored: string[];
}

type Shape = Record<string, z.ZodType>;

function read<S extends z.ZodObject<Shape>>(
  schema: S,
  params: URLSearchParams,
  scalars: readonly string[],
  lists: readonly string[],
): RegistryView<z.infer<S>> {
  const shape = schema.shape;
  const raw: Record<string, unknown> = {};
  const ignored = new Set<string>();
  for (const name of scalars) {
    const value = params.get(name)?.trim();
    if (!value) continue;
    if (shape[name].safeParse(value).success) raw[name] = value;
    else ignored.add(name);
  }
  for (const name of lists) {
    const values: unknown[] = [];
    for (const value of new Set(params.getAll(name).map((v) => v.trim()))) {
      if (!value) continue;
      const parsed = shape[name].safeParse([value]);
      if (parsed.success && values.length < 20) values.push(...(parsed.data as unknown[]));
      else ignored.add(name);
    }
    raw[name] = values;
  }
  return { query: schema.parse(raw), ignored: [...ignored] };
}

export const pilotQueryFromUrl = (params: URLSearchParams): RegistryView<RegistryPilotQuery> =>
  read(RegistryPilotQuery, params, ['q', 'page', 'pageSize'], pilotFilterNames);

export const organisationQueryFromUrl = (params: URLSearchParams): RegistryView<RegistryOrganisationQuery> =>
  read(RegistryOrganisationQuery, params, ['page', 'pageSize'], organisationFilterNames);

type ApiQuery = Record<string, string | number | readonly string[] | undefined>;

/** The pilot query as the API reads it: one parameter per filter value. */
export function pilotApiParams(query: RegistryPilotQuery): ApiQuery {
  const params: ApiQuery = { q: query.q || undefined, page: query.page, pageSize: query.pageSize };
  for (const name of pilotFilterNames) params[name] = query[name];
  return params;
}

/** The filters alone, as an export or a link to one reads them. */
export function pilotFilterSearch(query: RegistryPilotQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.append('q', query.q);
  for (const name of pilotFilterNames) for (const value of query[name]) params.append(name, value);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export const pilotFilterCount = (query: RegistryPilotQuery): number =>
  pilotFilterNames.reduce((sum, name) => sum + query[name].length, query.q ? 1 : 0);

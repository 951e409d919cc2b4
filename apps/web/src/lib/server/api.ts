import { ApiError } from '@pathways/contracts';
import type { z } from 'zod';
import { getLocale } from '$lib/paraglide/runtime';
import { ApiFailure, unreachable } from './api-failure';
import { apiUrl } from './config';

type QueryValue = string | number | boolean | null | undefined;
/** Query parameters; a list is sent as the same parameter repeated (`theme=a&theme=b`). */
type Query = Record<string, QueryValue | readonly QueryValue[]>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** An answer with what identifies its version, for the page's own ETag and Last-Modified. */
export interface Validated<T> {
  data: T;
  etag: string | null;
  lastModified: string | null;
}

export interface ApiClient {
  get<S extends z.ZodType>(path: string, schema: S, query?: Query): Promise<z.infer<S>>;
  /** The same as `get`, with the answer's ETag and Last-Modified. */
  getWithValidators<S extends z.ZodType>(
    path: string,
    schema: S,
    query?: Query,
  ): Promise<Validated<z.infer<S>>>;
  post<S extends z.ZodType>(path: string, schema: S, body?: unknown): Promise<z.infer<S>>;
  patch<S extends z.ZodType>(path: string, schema: S, body?: unknown): Promise<z.infer<S>>;
  put<S extends z.ZodType>(path: string, schema: S, body?: unknown): Promise<z.infer<S>>;
  delete<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>>;
  /** A multipart form, e.g. a file upload; fetch writes the boundary. */
  postForm<S extends z.ZodType>(path: string, schema: S, body: FormData): Promise<z.infer<S>>;
  /** For answers without a body (204). */
  send(method: Method, path: string, body?: unknown): Promise<void>;
}

const urlFor = (path: string, query?: Query): URL => {
  const url = new URL(apiUrl() + path);
  for (const [key, given] of Object.entries(query ?? {})) {
    for (const value of Array.isArray(given) ? given : [given]) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.append(key, String(value));
    }
  }
  return url;
};

const failureFrom = async (response: Response): Promise<ApiFailure> => {
  const json: unknown = await response.json().catch(() => null);
  const parsed = ApiError.safeParse(json);
  const retryAfter = Number(response.headers.get('retry-after'));
  const body: ApiError = parsed.success
    ? parsed.data
    : {
        statusCode: response.status,
        code: response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
        message: response.statusText || 'Unexpected answer from the API',
        requestId: response.headers.get('x-request-id') ?? '',
      };
  return new ApiFailure(
    response.status,
    body,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
};

/**
 * The one way the web talks to the API: JSON in and out, the caller's bearer token, and answers
 * checked against the shared contracts so a drift shows up here rather than as a broken page.
 */
export function createApi(fetchFn: typeof fetch, token: string | null, clientAddress?: string): ApiClient {
  async function call(method: Method, path: string, body?: unknown, query?: Query): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': getLocale() };
    if (token) headers.authorization = `Bearer ${token}`;
    // Every call comes from this server; the API's per-address limits need the browser's address.
    // It is set, not appended, so a browser cannot choose what the API sees.
    if (clientAddress) headers['x-forwarded-for'] = clientAddress;
    const multipart = body instanceof FormData;
    if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchFn(urlFor(path, query), {
        method,
        headers,
        body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
      });
    } catch (cause) {
      throw unreachable(cause);
    }
    if (!response.ok) throw await failureFrom(response);
    return response;
  }

  async function parse<S extends z.ZodType>(
    response: Response,
    schema: S,
    path: string,
  ): Promise<z.infer<S>> {
    const result = schema.safeParse(await response.json());
    if (result.success) return result.data;
    throw new ApiFailure(502, {
      statusCode: 502,
      code: 'INTERNAL',
      message: `Unexpected answer from ${path}: ${result.error.message}`,
      requestId: response.headers.get('x-request-id') ?? '',
    });
  }

  return {
    get: async (path, schema, query) => parse(await call('GET', path, undefined, query), schema, path),
    getWithValidators: async (path, schema, query) => {
      const response = await call('GET', path, undefined, query);
      return {
        data: await parse(response, schema, path),
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      };
    },
    post: async (path, schema, body) => parse(await call('POST', path, body ?? {}), schema, path),
    patch: async (path, schema, body) => parse(await call('PATCH', path, body ?? {}), schema, path),
    put: async (path, schema, body) => parse(await call('PUT', path, body ?? {}), schema, path),
    delete: async (path, schema) => parse(await call('DELETE', path), schema, path),
    postForm: async (path, schema, body) => parse(await call('POST', path, body), schema, path),
    send: async (method, path, body) => {
      await call(method, path, body ?? (method === 'GET' || method === 'DELETE' ? undefined : {}));
    },
  };
}

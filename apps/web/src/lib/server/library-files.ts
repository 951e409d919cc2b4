import { apiUrl } from './config';

/** The API's headers an export or feed keeps: what it is, how to save it, how long to cache it. */
const kept = ['content-type', 'content-disposition', 'cache-control', 'etag', 'last-modified'];

/** A browser's conditions, which the API answers (304) before it reads a row. */
const conditions = ['if-none-match', 'if-modified-since'];

/** Search parameters that shape a page of results, not the set of matches an export holds. */
const pageOnly = ['sort', 'page', 'pageSize'];

export interface LibraryFileRequest {
  fetchFn: typeof fetch;
  /** e.g. "export.csv", "feed.atom" under `base`. */
  file: string;
  /** The API path the file is under: /api/library unless said otherwise (the pilot registry's). */
  base?: string;
  search: URLSearchParams;
  /** The parameters this file takes (the feed only a theme); by default all but paging ones. */
  accepts?: readonly string[];
  clientAddress?: string;
  /** The browser's request headers, for its conditions. */
  headers?: Headers;
}

/**
 * An export or feed of the public library, served on the web's own address: the query is passed
 * on (less what only pages the results), the body streamed, and the API's refusal (400 naming a
 * parameter) passed on as it is. The browser's conditions go too, so a current copy costs a 304.
 */
export async function libraryFile({
  fetchFn,
  file,
  base = '/api/library',
  search,
  accepts,
  clientAddress,
  headers: incoming,
}: LibraryFileRequest): Promise<Response> {
  const taken = ([name]: [string, string]) => (accepts ? accepts.includes(name) : !pageOnly.includes(name));
  const query = new URLSearchParams([...search].filter(taken));
  const suffix = query.size ? `?${query}` : '';
  const asked: Record<string, string> = clientAddress ? { 'x-forwarded-for': clientAddress } : {};
  for (const name of conditions) {
    const value = incoming?.get(name);
    if (value) asked[name] = value;
  }
  const upstream = await fetchFn(`${apiUrl()}${base}/${file}${suffix}`, { headers: asked });
  const headers = new Headers();
  for (const name of kept) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  // The file is the API's, byte for byte, so its validators and 304 stand for the web's address too.
  if (upstream.status === 304) return new Response(null, { status: 304, headers });
  return new Response(upstream.body, { status: upstream.status, headers });
}

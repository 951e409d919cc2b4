import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { apiUrl } from './config';

/** The API's headers a download keeps: what the file is, how to save it, and how to treat it. */
const kept = [
  'content-type',
  'content-disposition',
  'etag',
  'cache-control',
  'last-modified',
  'x-content-type-options',
  'content-security-policy',
] as const;

/**
 * Headers for the browser: the API's safe ones, and never less than a download that is not
 * sniffed, not rendered in the site's origin, and not kept in shared caches.
 */
export function downloadHeaders(upstream: Headers): Headers {
  const headers = new Headers();
  for (const name of kept) {
    const value = upstream.get(name);
    if (value !== null) headers.set(name, value);
  }
  // fetch has already undone any content coding, so the API's length would then be wrong.
  const length = upstream.get('content-length');
  if (length !== null && !upstream.has('content-encoding')) headers.set('content-length', length);
  if (!headers.get('content-disposition')?.toLowerCase().startsWith('attachment')) {
    headers.set('content-disposition', 'attachment');
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/octet-stream');
  headers.set('x-content-type-options', 'nosniff');
  headers.set('content-security-policy', "sandbox; default-src 'none'");
  headers.set('cache-control', 'private');
  return headers;
}

/**
 * Streams an attachment from the API as the caller (whose token it forwards), so files are served
 * from the site itself and the API is never reached by the browser.
 */
export async function downloadAttachment(options: {
  fetchFn: typeof fetch;
  id: string;
  token: string | null;
  ifNoneMatch: string | null;
  clientAddress?: string;
}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.ifNoneMatch) headers['if-none-match'] = options.ifNoneMatch;
  if (options.clientAddress) headers['x-forwarded-for'] = options.clientAddress;
  let upstream: Response;
  try {
    upstream = await options.fetchFn(`${apiUrl()}/api/attachments/${encodeURIComponent(options.id)}`, {
      headers,
    });
  } catch {
    error(503, { message: m.error_unavailable() });
  }
  if (upstream.status === 200 || upstream.status === 304) {
    return new Response(upstream.status === 304 ? null : upstream.body, {
      status: upstream.status,
      headers: downloadHeaders(upstream.headers),
    });
  }
  await upstream.body?.cancel();
  if (upstream.status === 404 || upstream.status === 400) error(404, { message: m.error_not_found() });
  if (upstream.status === 401) error(401, { message: m.error_unauthenticated() });
  if (upstream.status === 403) error(403, { message: m.error_forbidden() });
  error(upstream.status === 503 ? 503 : 502, { message: m.error_unexpected() });
}

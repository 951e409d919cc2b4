import { apiUrl } from './config';

/** Headers of the dashboard's answers worth passing on; hop-by-hop and cookie headers are not. */
const passedHeaders = ['content-type', 'cache-control', 'etag', 'last-modified', 'location'];

export interface DashboardRequest {
  fetchFn: typeof fetch;
  request: Request;
  /** The path after /api/admin/queues, without a leading slash ("" for the dashboard itself). */
  path: string;
  search: string;
  token: string | null;
}

/**
 * The API's queue dashboard (bull-board, admins only) under the same path on the web's origin: the
 * browser holds a session cookie, the API wants a bearer token. The API decides who may look.
 */
export async function proxyQueueDashboard({
  fetchFn,
  request,
  path,
  search,
  token,
}: DashboardRequest): Promise<Response> {
  const headers: Record<string, string> = { accept: request.headers.get('accept') ?? '*/*' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const contentType = request.headers.get('content-type');
  if (contentType) headers['content-type'] = contentType;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const upstream = await fetchFn(`${apiUrl()}/api/admin/queues${path ? `/${path}` : ''}${search}`, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    redirect: 'manual',
  });
  const out = new Headers();
  for (const name of passedHeaders) {
    const value = upstream.headers.get(name);
    if (value) out.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: out });
}

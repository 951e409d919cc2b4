import { apiUrl } from './config';

/** What a harvester needs of the API's answer: the XML and how long to cache it. */
const kept = ['content-type', 'cache-control', 'last-modified'];

export interface OaiForward {
  fetchFn: typeof fetch;
  request: Request;
  clientAddress?: string;
}

/**
 * The OAI-PMH repository on the web's own address, which is what harvesters are given: the query
 * string or form body goes to the API as it came (the protocol itself judges repeated or unknown
 * arguments), and the XML comes back.
 */
export async function forwardOai({ fetchFn, request, clientAddress }: OaiForward): Promise<Response> {
  const headers: Record<string, string> = clientAddress ? { 'x-forwarded-for': clientAddress } : {};
  const posted = request.method === 'POST';
  if (posted)
    headers['content-type'] = request.headers.get('content-type') ?? 'application/x-www-form-urlencoded';
  const upstream = await fetchFn(`${apiUrl()}/api/oai${new URL(request.url).search}`, {
    method: request.method,
    headers,
    body: posted ? await request.text() : undefined,
  });
  const answer = new Headers();
  for (const name of kept) {
    const value = upstream.headers.get(name);
    if (value !== null) answer.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: answer });
}

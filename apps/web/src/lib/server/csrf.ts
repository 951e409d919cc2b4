import { deLocalizeUrl } from '$lib/paraglide/runtime';

// What a browser form can send cross-site without a preflight (as SvelteKit checks).
const formTypes = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
  'application/x-sveltekit-formdata',
];
const changing = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Machine endpoints that take form posts from anywhere: OAI-PMH harvesters send no Origin. */
const openToEveryOrigin = ['/oai'];

/**
 * SvelteKit's cross-site form check, made here because SvelteKit's own cannot spare one route: a
 * form post from another origin (or none) is refused, except to the OAI-PMH base URL, which only
 * reads public records.
 */
export function isCrossSiteForm(request: Request, url: URL): boolean {
  if (!changing.includes(request.method)) return false;
  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
  if (!formTypes.includes(type)) return false;
  if (request.headers.get('origin') === url.origin) return false;
  return !openToEveryOrigin.includes(deLocalizeUrl(url).pathname);
}

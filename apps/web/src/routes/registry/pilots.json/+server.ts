import { libraryFile } from '$lib/server/library-files';
import type { RequestHandler } from './$types';

/** Every pilot matching the registry's filters, as the API writes it, on the web's own address. */
export const GET: RequestHandler = ({ url, request, getClientAddress }) =>
  libraryFile({
    fetchFn: fetch,
    base: '/api/registry',
    file: 'pilots.json',
    search: url.searchParams,
    clientAddress: getClientAddress(),
    headers: request.headers,
  });

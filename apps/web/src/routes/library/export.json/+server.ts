import { libraryFile } from '$lib/server/library-files';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, request, getClientAddress }) =>
  libraryFile({
    fetchFn: fetch,
    file: 'export.json',
    search: url.searchParams,
    clientAddress: getClientAddress(),
    headers: request.headers,
  });

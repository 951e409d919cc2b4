import { libraryFile } from '$lib/server/library-files';
import type { RequestHandler } from './$types';

// The feed follows one theme at most; the rest of a search address is not the feed's.
export const GET: RequestHandler = ({ url, request, getClientAddress }) =>
  libraryFile({
    fetchFn: fetch,
    file: 'feed.atom',
    search: new URLSearchParams(
      url.searchParams
        .getAll('theme')
        .slice(0, 1)
        .map((theme) => ['theme', theme]),
    ),
    accepts: ['theme'],
    clientAddress: getClientAddress(),
    headers: request.headers,
  });

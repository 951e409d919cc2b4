import { libraryFile } from '$lib/server/library-files';
import type { RequestHandler } from './$types';

// The feed takes no parameters: every activation and completion.
export const GET: RequestHandler = ({ request, getClientAddress }) =>
  libraryFile({
    fetchFn: fetch,
    base: '/api/registry',
    file: 'pilots/feed.atom',
    search: new URLSearchParams(),
    accepts: [],
    clientAddress: getClientAddress(),
    headers: request.headers,
  });

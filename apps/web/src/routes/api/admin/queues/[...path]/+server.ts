import { proxyQueueDashboard } from '$lib/server/queue-dashboard';
import type { RequestHandler } from './$types';

const forward: RequestHandler = ({ request, params, url, locals }) =>
  proxyQueueDashboard({
    fetchFn: fetch,
    request,
    path: params.path,
    search: url.search,
    token: locals.token,
  });

export const GET = forward;
export const POST = forward;
export const PUT = forward;
export const DELETE = forward;

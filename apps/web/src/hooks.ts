import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /es/organisations and /fr/organisations render the same route as /organisations.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;

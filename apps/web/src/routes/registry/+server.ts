import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** The registry's front door is its list of pilots. */
export const GET: RequestHandler = () => redirect(307, localizeHref('/registry/pilots'));

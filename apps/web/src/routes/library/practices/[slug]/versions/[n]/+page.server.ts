import { getLocale } from '$lib/paraglide/runtime';
import { loadLibraryPractice } from '$lib/server/library-practice';
import type { PageServerLoad } from './$types';

/** The permanent page of one published version: it never changes but for a retraction notice. */
export const load: PageServerLoad = ({ locals, params, fetch, setHeaders, getClientAddress }) =>
  loadLibraryPractice({
    locals,
    fetchFn: fetch,
    slug: params.slug,
    number: params.n,
    locale: getLocale(),
    clientAddress: getClientAddress(),
    setHeaders,
  });

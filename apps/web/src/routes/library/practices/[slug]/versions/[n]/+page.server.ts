import { getLocale } from '$lib/paraglide/runtime';
import { loadLibraryPractice } from '$lib/server/library-practice';
import { readerOf } from '$lib/server/page-validators';
import type { PageServerLoad } from './$types';

/** The permanent page of one published version: it never changes but for a retraction notice. */
export const load: PageServerLoad = ({ locals, params, fetch, setHeaders, getClientAddress, url, parent }) =>
  loadLibraryPractice({
    locals,
    fetchFn: fetch,
    slug: params.slug,
    number: params.n,
    locale: getLocale(),
    clientAddress: getClientAddress(),
    setHeaders,
    address: url,
    reader: async () => readerOf(await parent()),
  });

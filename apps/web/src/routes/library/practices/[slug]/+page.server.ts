import { getLocale } from '$lib/paraglide/runtime';
import { loadLibraryPractice } from '$lib/server/library-practice';
import { readerOf } from '$lib/server/page-validators';
import type { PageServerLoad } from './$types';

/** A practice's public page: its latest published version, its history, and how to cite it. */
export const load: PageServerLoad = ({ locals, params, fetch, setHeaders, getClientAddress, url, parent }) =>
  loadLibraryPractice({
    locals,
    fetchFn: fetch,
    slug: params.slug,
    locale: getLocale(),
    clientAddress: getClientAddress(),
    setHeaders,
    address: url,
    reader: async () => readerOf(await parent()),
  });

import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { libraryFile } from '$lib/server/library-files';
import { versionAddress } from '$lib/server/library-practice';
import type { RequestHandler } from './$types';

/** The version's citation as a file, on the web's own address. */
export const GET: RequestHandler = ({ params, getClientAddress }) => {
  const address = versionAddress(params.slug, params.n);
  if (!address?.number) error(404, m.error_not_found());
  return libraryFile({
    fetchFn: fetch,
    file: `practices/${address.slug}/versions/${address.number}/citation`,
    search: new URLSearchParams({ format: 'bibtex' }),
    accepts: ['format'],
    clientAddress: getClientAddress(),
  });
};

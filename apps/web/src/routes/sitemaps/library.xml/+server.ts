import { libraryPages, sitemapHeaders, urlSet } from '$lib/server/sitemap';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
  new Response(
    urlSet(
      url.origin,
      libraryPages.map((path) => ({ path })),
    ),
    { headers: sitemapHeaders(null) },
  );

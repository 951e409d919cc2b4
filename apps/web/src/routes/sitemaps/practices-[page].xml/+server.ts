import { error } from '@sveltejs/kit';
import { LibrarySitemapOutline, LibrarySlugPage } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { practicesPerSitemap, sitemapHeaders, urlSet } from '$lib/server/sitemap';
import type { RequestHandler } from './$types';

// Every published practice's page (retracted ones too: their page shows the notice), in slug order.
export const GET: RequestHandler = async ({ locals, params, url }) => {
  if (!/^[1-9]\d{0,5}$/.test(params.page)) error(404, m.error_not_found());
  const outline = await locals.api.get('/api/library/sitemap', LibrarySitemapOutline, {
    size: practicesPerSitemap,
  });
  const page = outline.pages[Number(params.page) - 1];
  if (!page) error(404, m.error_not_found());
  const { items } = await locals.api.get('/api/library/slugs', LibrarySlugPage, {
    after: page.after,
    limit: practicesPerSitemap,
  });
  const body = urlSet(
    url.origin,
    items.map((p) => ({ path: `/library/practices/${p.slug}`, lastModified: p.lastModified })),
  );
  return new Response(body, { headers: sitemapHeaders(page.lastModified) });
};

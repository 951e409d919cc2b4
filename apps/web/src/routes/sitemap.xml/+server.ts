import { LibrarySitemapOutline } from '@pathways/contracts';
import { practiceSitemapPath, practicesPerSitemap, sitemapHeaders, sitemapIndex } from '$lib/server/sitemap';
import type { RequestHandler } from './$types';

// An index, so the practices can outgrow one file (50,000 URLs): the library's pages, then the practices'.
export const GET: RequestHandler = async ({ locals, url }) => {
  const outline = await locals.api.get('/api/library/sitemap', LibrarySitemapOutline, {
    size: practicesPerSitemap,
  });
  const body = sitemapIndex(url.origin, [
    { path: '/sitemaps/library.xml' },
    ...outline.pages.map((page, i) => ({
      path: practiceSitemapPath(i + 1),
      lastModified: page.lastModified,
    })),
  ]);
  return new Response(body, { headers: sitemapHeaders(outline.lastModified) });
};

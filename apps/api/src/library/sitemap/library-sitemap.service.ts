import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type {
  LibrarySitemapOutline,
  LibrarySitemapQuery,
  LibrarySlugPage,
  LibrarySlugsQuery,
} from '@pathways/contracts';

// Slug order throughout, so the outline's boundaries are the keys the slug list pages on; both read
// the unique slug index that also holds refreshed_at.
const slugs = (after: boolean) =>
  `select slug, refreshed_at from library_practice ${after ? 'where slug > ?' : ''} order by slug limit ?`;

// Each page's last slug is the next page's `after`; max(slug) is that last slug, in the same order.
const outline = `
with ordered as (
  select slug, refreshed_at, (row_number() over (order by slug) - 1) / ? as page from library_practice
)
select page, max(slug) as last, max(refreshed_at) as last_modified from ordered group by page order by page`;

const iso = (date: Date) => new Date(date).toISOString();

/** The library's published slugs, for sitemaps: read from the read model only. */
@Injectable()
export class LibrarySitemapService {
  constructor(private readonly em: EntityManager) {}

  private async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.em.getKnex().raw<{ rows: T[] }>(sql, params as never)).rows;
  }

  async slugs({ after, limit }: LibrarySlugsQuery): Promise<LibrarySlugPage> {
    const rows = await this.rows<{ slug: string; refreshed_at: Date }>(
      slugs(after !== undefined),
      after !== undefined ? [after, limit + 1] : [limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({ slug: r.slug, lastModified: iso(r.refreshed_at) })),
      next: rows.length > limit ? page.at(-1)!.slug : null,
    };
  }

  async outline({ size }: LibrarySitemapQuery): Promise<LibrarySitemapOutline> {
    const [pages, [totals]] = await Promise.all([
      this.rows<{ last: string; last_modified: Date }>(outline, [size]),
      this.rows<{ practices: number; last_modified: Date | null }>(
        `select count(*)::int as practices, max(refreshed_at) as last_modified from library_practice`,
        [],
      ),
    ]);
    return {
      practices: totals.practices,
      lastModified: totals.last_modified ? iso(totals.last_modified) : null,
      size,
      pages: pages.map((p, i) => ({
        after: i ? pages[i - 1].last : null,
        lastModified: iso(p.last_modified),
      })),
    };
  }
}

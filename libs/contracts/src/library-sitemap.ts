import { z } from 'zod';

/**
 * What a sitemap of the library needs (issue 4): every published or retracted practice's slug with
 * its last change, listed a page at a time in slug order (keyset: give the last slug seen), and an
 * outline that cuts that list into sitemap files.
 */

const limit = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be at least 1`)
    .max(50_000, `${name} must be at most 50000`)
    .default(fallback);

export const LibrarySlugsQuery = z
  .object({
    after: z
      .string()
      .max(100, 'after must be at most 100 characters')
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'after is a practice slug: lower-case letters, digits and hyphens')
      .optional(),
    limit: limit('limit', 1000),
  })
  .strict();
export type LibrarySlugsQuery = z.infer<typeof LibrarySlugsQuery>;

export const LibrarySlug = z.object({
  slug: z.string(),
  /** When the practice's library entry last changed (a publication or a retraction). */
  lastModified: z.iso.datetime(),
});
export type LibrarySlug = z.infer<typeof LibrarySlug>;

export const LibrarySlugPage = z.object({
  items: z.array(LibrarySlug),
  /** The `after` of the next page; null on the last. */
  next: z.string().nullable(),
});
export type LibrarySlugPage = z.infer<typeof LibrarySlugPage>;

export const LibrarySitemapQuery = z.object({ size: limit('size', 15_000) }).strict();
export type LibrarySitemapQuery = z.infer<typeof LibrarySitemapQuery>;

export const LibrarySitemapOutline = z.object({
  practices: z.number().int(),
  /** The newest change in the library; null when it is empty. */
  lastModified: z.iso.datetime().nullable(),
  size: z.number().int(),
  /** Each page of `size` slugs: the `after` that lists it (null for the first) and its newest change. */
  pages: z.array(z.object({ after: z.string().nullable(), lastModified: z.iso.datetime() })),
});
export type LibrarySitemapOutline = z.infer<typeof LibrarySitemapOutline>;

import { z } from 'zod';
import { CountryCode } from './country';
import { Locale } from './locale';
import { countryRoles, PracticeCountry } from './practice';
import { organisationKinds, seedTaxonomy, type Vocabulary } from './taxonomy';

/**
 * The public library (DESIGN §7, issue 4): search over published practices with facets. Query
 * parameters repeat for several values (`theme=a&theme=b`); every one is validated here, so nothing
 * but known codes and bounded text reaches SQL, and always as parameters.
 */

const codesOf = (vocabulary: Vocabulary) =>
  seedTaxonomy.filter((t) => t.vocabulary === vocabulary).map((t) => t.code) as [string, ...string[]];

/** A query parameter given once or repeated, as Fastify parses it. */
const many = <T extends z.ZodType>(item: T, name: string) =>
  z
    .preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(item).max(20, `At most 20 values of ${name}`),
    )
    .default([]);

const codes = (vocabulary: Vocabulary, name: string) =>
  many(z.enum(codesOf(vocabulary), { error: `Unknown ${name}` }), name);

export const librarySorts = ['relevance', 'newest', 'oldest', 'title'] as const;

export const facetNames = [
  'theme',
  'stage',
  'country',
  'region',
  'role',
  'targetGroup',
  'organisationKind',
  'framework',
  'year',
] as const;
export type FacetName = (typeof facetNames)[number];

export const LibrarySearchQuery = z
  .object({
    q: z.string().trim().max(200, 'q must be at most 200 characters').optional(),
    theme: codes('theme', 'theme'),
    stage: codes('stage', 'stage'),
    country: many(CountryCode, 'country'),
    /** UN M49 region code of a country, e.g. "035" South-eastern Asia. */
    region: many(z.string().regex(/^\d{3}$/, 'region is a three-digit UN M49 code'), 'region'),
    role: many(z.enum(countryRoles, { error: 'role is origin, transit or destination' }), 'role'),
    targetGroup: codes('target_group', 'targetGroup'),
    organisationKind: many(
      z.enum(organisationKinds, { error: 'Unknown organisationKind' }),
      'organisationKind',
    ),
    framework: codes('framework', 'framework'),
    year: many(
      z.coerce
        .number({ error: 'year must be a number' })
        .int('year must be a whole number')
        .min(1950, 'year is 1950 or later')
        .max(2100, 'year is 2100 or earlier'),
      'year',
    ),
    language: Locale.optional(),
    sort: z.enum(librarySorts, { error: `sort is one of: ${librarySorts.join(', ')}` }).default('relevance'),
    page: z.coerce
      .number({ error: 'page must be a number' })
      .int('page must be a whole number')
      .min(1, 'page starts at 1')
      .max(500, 'page must be at most 500')
      .default(1),
    pageSize: z.coerce
      .number({ error: 'pageSize must be a number' })
      .int('pageSize must be a whole number')
      .min(1, 'pageSize must be at least 1')
      .max(50, 'pageSize must be at most 50')
      .default(20),
  })
  .strict();
export type LibrarySearchQuery = z.infer<typeof LibrarySearchQuery>;

/**
 * Text with the matched words marked: `text` holds the words, `marks` the [start, end) ranges to
 * highlight, so the web renders <mark> without ever inserting HTML from the database.
 */
export const Highlighted = z.object({
  text: z.string(),
  marks: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type Highlighted = z.infer<typeof Highlighted>;

export const LibraryHit = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: Highlighted,
  summary: Highlighted,
  organisationName: z.string(),
  organisationKind: z.enum(organisationKinds),
  countries: z.array(PracticeCountry),
  themes: z.array(z.string()),
  year: z.number().int().nullable(),
  language: Locale,
  versionNumber: z.number().int(),
  publishedAt: z.iso.datetime(),
  /** Retracted practices stay findable with their retraction notice. */
  retracted: z.boolean(),
});
export type LibraryHit = z.infer<typeof LibraryHit>;

export const FacetCount = z.object({ value: z.string(), count: z.number().int() });
export type FacetCount = z.infer<typeof FacetCount>;

export const LibrarySearchResult = z.object({
  items: z.array(LibraryHit),
  total: z.number().int(),
  /** True when the facet counts are estimates from a sample of a very large match set; `total` is exact. */
  approximate: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.record(z.enum(facetNames), z.array(FacetCount)),
  /** A spelling that finds more, when the words as typed find little. */
  didYouMean: z.string().nullable(),
});
export type LibrarySearchResult = z.infer<typeof LibrarySearchResult>;

/**
 * An export holds every practice matching the search's words and filters, newest first; so it
 * takes the search's parameters but not paging or sorting.
 */
export const LibraryExportQuery = LibrarySearchQuery.omit({ page: true, pageSize: true, sort: true });
export type LibraryExportQuery = z.infer<typeof LibraryExportQuery>;

/** One practice in an export: its public fields as plain text, with a link to its page. */
export const LibraryExportRecord = z.object({
  id: z.uuid(),
  url: z.url(),
  title: z.string(),
  summary: z.string(),
  organisationName: z.string(),
  organisationKind: z.enum(organisationKinds),
  countries: z.array(PracticeCountry),
  themes: z.array(z.string()),
  year: z.number().int().nullable(),
  language: Locale,
  versionNumber: z.number().int(),
  publishedAt: z.iso.datetime(),
  retracted: z.boolean(),
});
export type LibraryExportRecord = z.infer<typeof LibraryExportRecord>;

/** The Atom feed of newly published practices: all of them, or those of one theme. */
export const LibraryFeedQuery = z
  .object({ theme: z.enum(codesOf('theme'), { error: 'Unknown theme' }).optional() })
  .strict();
export type LibraryFeedQuery = z.infer<typeof LibraryFeedQuery>;

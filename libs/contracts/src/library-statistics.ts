import { z } from 'zod';
import { CountryCode } from './country';
import { FacetCount, LibrarySearchQuery } from './library';

/**
 * The library's statistics (issue 4): practices by theme, stage, region and year, the corridors
 * from origin to destination countries, and aggregate review figures. Nothing in it names a person.
 */

/** The same filters as a search (repeat a parameter for several values), without words or paging. */
export const LibraryStatisticsQuery = LibrarySearchQuery.omit({
  q: true,
  language: true,
  sort: true,
  page: true,
  pageSize: true,
});
export type LibraryStatisticsQuery = z.infer<typeof LibraryStatisticsQuery>;

/** How many practices (matching the filters) name this origin and this destination country. */
export const LibraryCorridor = z.object({
  origin: CountryCode,
  destination: CountryCode,
  count: z.number().int(),
});
export type LibraryCorridor = z.infer<typeof LibraryCorridor>;

/**
 * Editorial decisions on every practice ever decided on, in the library or not (a rejected one never
 * is), so filters do not narrow them. A decision is an acceptance or a rejection (at screening or
 * after review); a request for revisions is not one, and its rounds count towards the days taken.
 */
export const LibraryReviewFigures = z.object({
  decisions: z.number().int(),
  accepted: z.number().int(),
  /** accepted / decisions, between 0 and 1; null with no decision yet. */
  shareAccepted: z.number().min(0).max(1).nullable(),
  /** Median days from a practice's submission to the decision on it, to one decimal; null with none. */
  medianDays: z.number().nullable(),
});
export type LibraryReviewFigures = z.infer<typeof LibraryReviewFigures>;

export const libraryCorridorLimit = 20;

export const LibraryStatistics = z.object({
  /** Practices ever published that match the filters, retracted ones included. */
  total: z.number().int(),
  /** Of `total`, how many have been retracted since (still counted by theme, stage, region, year). */
  retracted: z.number().int(),
  byTheme: z.array(FacetCount),
  byStage: z.array(FacetCount),
  /** UN M49 region codes: both sub-regions and the regions containing them. */
  byRegion: z.array(FacetCount),
  /** By the practice's year (the start of its period, else the year it was first published), oldest first. */
  byYear: z.array(FacetCount),
  /** The most frequent corridors, at most `libraryCorridorLimit`, most practices first. */
  corridors: z.array(LibraryCorridor),
  review: LibraryReviewFigures,
  /** The latest change to the library, or null while it is empty. */
  updatedAt: z.iso.datetime().nullable(),
});
export type LibraryStatistics = z.infer<typeof LibraryStatistics>;

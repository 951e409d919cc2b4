import { z } from 'zod';
import { CountryCode } from './country';
import { Locale } from './locale';
import { PracticeContent } from './practice';
import { FieldChange } from './practice-version';
import { organisationKinds } from './taxonomy';

/**
 * A practice's public page in the library (DESIGN §7, issue 4): its latest published version, or any
 * published version at its permanent address, with its history and citations. Read from the library's
 * read model only.
 */

/** A practice's address in the library: what `practiceSlug` makes (lower-case words, a suffix). */
export const LibraryPracticeSlug = z
  .string()
  .max(120, 'slug must be at most 120 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug is lower-case letters and digits separated by hyphens');

export const LibraryPracticeParams = z.object({ slug: LibraryPracticeSlug }).strict();
export type LibraryPracticeParams = z.infer<typeof LibraryPracticeParams>;

export const LibraryPracticeVersionParams = LibraryPracticeParams.extend({
  number: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'number is a version number: 1, 2, 3…')
    .transform(Number),
}).strict();
export type LibraryPracticeVersionParams = z.infer<typeof LibraryPracticeVersionParams>;

export const citationFormats = ['text', 'bibtex', 'csl'] as const;
export type CitationFormat = (typeof citationFormats)[number];

export const LibraryCitationQuery = z
  .object({
    /** Formatted text (APA), BibTeX, or CSL-JSON. */
    format: z
      .enum(citationFormats, { error: `format is one of: ${citationFormats.join(', ')}` })
      .default('text'),
    /** The language of the formatted text's own words ("Version 2", "Versión 2"). */
    locale: z.enum(Locale.options, { error: 'locale is one of: en, es, fr' }).default('en'),
  })
  .strict();
export type LibraryCitationQuery = z.infer<typeof LibraryCitationQuery>;

export const LibraryPracticeOrganisation = z.object({
  name: z.string(),
  kind: z.enum(organisationKinds),
  country: CountryCode.nullable(),
});
export type LibraryPracticeOrganisation = z.infer<typeof LibraryPracticeOrganisation>;

/** One published version in a practice's history. */
export const LibraryVersionSummary = z.object({
  number: z.number().int(),
  title: z.string(),
  /** When this version was first published. */
  publishedAt: z.iso.datetime(),
  /** The version published before it; null for the first. */
  previousNumber: z.number().int().nullable(),
  /** The content fields that differ from the previous published version. */
  changedFields: z.array(z.string()),
});
export type LibraryVersionSummary = z.infer<typeof LibraryVersionSummary>;

/** Shown on the page of a retracted practice, which stays public. */
export const LibraryRetraction = z.object({
  retractedAt: z.iso.datetime(),
  /** The editors' comment on the retraction. */
  notice: z.string().nullable(),
});
export type LibraryRetraction = z.infer<typeof LibraryRetraction>;

/** A public pilot a practice grew out of: its registry page is /registry/pilots/<slug>. */
export const LibraryPracticePilot = z.object({ slug: z.string(), title: z.string() });
export type LibraryPracticePilot = z.infer<typeof LibraryPracticePilot>;

/** A published version of a practice, as its public page shows it. */
export const LibraryPractice = z.object({
  id: z.uuid(),
  slug: z.string(),
  /** The version shown here. */
  versionNumber: z.number().int(),
  /** The version the library lists: the latest publication's. */
  latestVersionNumber: z.number().int(),
  /** When the version shown was first published. */
  publishedAt: z.iso.datetime(),
  /** When what this page shows last changed (a publication, a retraction): ETag and Last-Modified. */
  updatedAt: z.iso.datetime(),
  /** The content's language. */
  language: Locale,
  /** Every published field; partner organisations and countries with their roles are in it. */
  content: PracticeContent,
  /** The organisation that submitted the practice. */
  organisation: LibraryPracticeOrganisation,
  /** What changed from the previous published version, field by field (empty for the first). */
  changes: z.array(FieldChange),
  /** Every published version, oldest first. */
  versions: z.array(LibraryVersionSummary),
  retraction: LibraryRetraction.nullable(),
  /** The public pilot the practice grew out of, for "From pilot" (issue 5); absent otherwise. */
  pilot: LibraryPracticePilot.nullable().optional(),
});
export type LibraryPractice = z.infer<typeof LibraryPractice>;

import { practiceStates } from '@pathways/workflow';
import { z } from 'zod';
import { CountryCode } from './country';
import { Locale } from './locale';
import { PageQuery } from './pagination';
import { seedTaxonomy, type Vocabulary } from './taxonomy';

/** The practice workflow's states: the definition in libs/workflow is the one list. */
export const practiceStatuses = practiceStates;
export const PracticeStatus = z.enum(practiceStatuses, {
  error: `Choose one of: ${practiceStatuses.join(', ')}`,
});
export type PracticeStatus = z.infer<typeof PracticeStatus>;

const codesOf = (vocabulary: Vocabulary) =>
  seedTaxonomy.filter((t) => t.vocabulary === vocabulary).map((t) => t.code) as [string, ...string[]];

/** A list of taxonomy codes of one vocabulary, each once. */
export const termCodes = (vocabulary: Vocabulary, what: string) => {
  const codes = codesOf(vocabulary);
  return z
    .array(z.enum(codes, { error: `Choose ${what} from the taxonomy` }), { error: `Give a list of ${what}` })
    .max(codes.length, `At most ${codes.length} ${what}`)
    .refine((list) => new Set(list).size === list.length, `Each of the ${what} may be listed once`);
};

/** Trimmed text with a length limit, its messages naming the field. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`);

export const countryRoles = ['origin', 'transit', 'destination'] as const;
export const CountryRole = z.enum(countryRoles, { error: 'Choose origin, transit or destination' });
export type CountryRole = z.infer<typeof CountryRole>;

export const PracticeCountry = z.object({ code: CountryCode, role: CountryRole }).strict();
export type PracticeCountry = z.infer<typeof PracticeCountry>;

const Year = z
  .number({ error: 'The year must be a number' })
  .int('The year must be a whole number')
  .min(1900, 'The year must be 1900 or later')
  .max(2100, 'The year must be 2100 or earlier');

export const Figure = z.number({ error: 'Give a number' }).finite().nullable().optional();

/** One row of the sex-disaggregated indicator table. */
export const PracticeIndicator = z
  .object({
    indicator: text('The indicator', 300).min(1, 'Name the indicator'),
    women: Figure,
    men: Figure,
    unit: text('The unit', 50).optional(),
    year: Year.optional(),
    source: text('The source', 300).optional(),
  })
  .strict();
export type PracticeIndicator = z.infer<typeof PracticeIndicator>;

export const IsoDate = z.iso.date({ error: 'Use a date such as 2024-03-31' });

export const PracticePeriod = z
  .object({ start: IsoDate.optional(), end: IsoDate.nullable().optional() })
  .strict()
  .refine((p) => !p.start || !p.end || p.start <= p.end, {
    message: 'The period must end after it starts',
    path: ['end'],
  });

export const PracticeResource = z
  .object({
    label: text('The label', 200).min(1, 'Give the link a label'),
    url: z
      .string({ error: 'Enter a web address' })
      .trim()
      .max(500, 'The address must be at most 500 characters')
      .pipe(z.url({ protocol: /^https?$/, error: 'Enter a web address starting with http:// or https://' })),
  })
  .strict();

const Check = z.boolean({ error: 'Answer yes or no' }).optional();

/** The gender-sensitivity self-assessment. */
export const GenderAssessment = z
  .object({
    rightsBased: Check,
    genderResponsiveBudget: Check,
    participationOfMigrantWomen: Check,
    multiStakeholderCorridor: Check,
    accountabilityMechanism: Check,
    sexDisaggregatedData: Check,
    notes: text('The notes', 4000).optional(),
  })
  .strict();

export const practiceLicences = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0'] as const;
export const PracticeLicence = z.enum(practiceLicences, {
  error: `Choose one of: ${practiceLicences.join(', ')}`,
});

/**
 * The content of one version. A draft may hold any subset; every field given is still validated.
 * What a submission needs on top is listed by `missingForSubmission`.
 */
export const PracticeContent = z
  .object({
    title: text('The title', 200),
    summary: text('The summary', 1000),
    problem: text('The problem addressed', 8000),
    description: text('The description', 20000),
    themes: termCodes('theme', 'themes'),
    stages: termCodes('stage', 'stages'),
    countries: z
      .array(PracticeCountry, { error: 'Give a list of countries' })
      .max(60, 'At most 60 countries')
      .refine(
        (list) => new Set(list.map((c) => `${c.code}:${c.role}`)).size === list.length,
        'Each country may have each role once',
      ),
    targetGroups: termCodes('target_group', 'target groups'),
    frameworks: termCodes('framework', 'frameworks'),
    partners: z.array(text('A partner', 200).min(1, 'A partner needs a name')).max(50, 'At most 50 partners'),
    period: PracticePeriod,
    outcomes: text('The outcomes', 8000),
    indicators: z.array(PracticeIndicator).max(100, 'At most 100 indicators'),
    evidence: text('The evidence', 8000),
    lessons: text('The lessons learned', 8000),
    replicability: text('The replicability', 4000),
    sustainability: text('The sustainability', 4000),
    resources: z.array(PracticeResource).max(30, 'At most 30 resources'),
    genderAssessment: GenderAssessment,
    language: Locale,
    licence: PracticeLicence,
  })
  .partial()
  .strict();
export type PracticeContent = z.infer<typeof PracticeContent>;

export const blank = (value: string | undefined) => !value?.trim();

/** Required fields a submission still leaves empty, by field name, in form order. */
export function missingForSubmission(content: PracticeContent): string[] {
  const missing: string[] = [];
  for (const field of ['title', 'summary', 'problem', 'description'] as const) {
    if (blank(content[field])) missing.push(field);
  }
  if (!content.themes?.length) missing.push('themes');
  if (!content.stages?.length) missing.push('stages');
  const roles = new Set(content.countries?.map((c) => c.role));
  if (!roles.has('origin') || !roles.has('destination')) missing.push('countries');
  if (!content.targetGroups?.length) missing.push('targetGroups');
  if (blank(content.outcomes)) missing.push('outcomes');
  if (!content.indicators?.length) missing.push('indicators');
  if (!content.language) missing.push('language');
  if (!content.licence) missing.push('licence');
  return missing;
}

/** The record version a writer started from; a concurrent change answers 409. */
export const Version = z.number({ error: 'version is required' }).int().min(1);

export const CreatePracticeInput = z
  .object({
    organisationId: z.uuid({ error: 'Choose the organisation the practice is submitted for' }),
    content: PracticeContent.default({}),
  })
  .strict();
export type CreatePracticeInput = z.infer<typeof CreatePracticeInput>;

export const UpdatePracticeInput = z
  .object({
    /** The whole content of the draft; it replaces the previous one. */
    content: PracticeContent,
    /** The version the author started from; a concurrent change answers 409. */
    version: Version,
  })
  .strict();
export type UpdatePracticeInput = z.infer<typeof UpdatePracticeInput>;

export const Practice = z.object({
  id: z.uuid(),
  slug: z.string(),
  /** Null for a reviewer under double-blind review (DESIGN §5: field-level rules hide the author). */
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  /** True when the author's identity was withheld from this caller (double-blind review). */
  authorHidden: z.boolean(),
  status: PracticeStatus,
  /** Number of the current version (1 for a new draft; a new round adds one). */
  versionNumber: z.number().int(),
  /**
   * Number of the version the public library shows, null until the practice is published. While a
   * published practice is revised, `versionNumber` is the working version and this one stays.
   */
  publishedVersionNumber: z.number().int().nullable(),
  content: PracticeContent,
  /** The pilot the practice grew out of (issue 5); null under double-blind review, as it names the author. */
  pilotId: z.uuid().nullable().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type Practice = z.infer<typeof Practice>;

export const PracticeListQuery = PageQuery.extend({
  status: PracticeStatus.optional(),
  /** Only practices of the caller's organisations. */
  mine: z
    .enum(['true', 'false'], { error: 'mine must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
});
export type PracticeListQuery = z.infer<typeof PracticeListQuery>;

export const PracticePage = z.object({
  items: z.array(Practice),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PracticePage = z.infer<typeof PracticePage>;

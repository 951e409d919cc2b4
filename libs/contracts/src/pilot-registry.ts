import { z } from 'zod';
import { CountryCode } from './country';
import { Locale } from './locale';
import { pageOf } from './pagination';
import { PilotBudget, PilotOrganisation, PilotPartnerRole, publicPilotStatuses } from './pilot';
import { PilotMilestoneStatus } from './pilot-progress';
import { countryRoles, PracticeCountry } from './practice';
import { organisationKinds, seedTaxonomy, type Vocabulary } from './taxonomy';

/**
 * The public pilot registry and organisation directory (issue 5): pilots from the moment they became
 * active, with their accepted partners, milestones and submitted reports only. Filters repeat for
 * several values (`theme=a&theme=b`) and are validated here, so only known codes reach SQL.
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

const page = z.coerce
  .number({ error: 'page must be a number' })
  .int('page must be a whole number')
  .min(1, 'page starts at 1')
  .max(10_000, 'page must be at most 10000')
  .default(1);
const pageSize = z.coerce
  .number({ error: 'pageSize must be a number' })
  .int('pageSize must be a whole number')
  .min(1, 'pageSize must be at least 1')
  .max(100, 'pageSize must be at most 100')
  .default(20);

/** The lights a visitor can filter on: a public pilot always has one. */
export const registryReportingStatuses = ['green', 'yellow', 'red'] as const;
export const RegistryReportingStatus = z.enum(registryReportingStatuses);
export type RegistryReportingStatus = z.infer<typeof RegistryReportingStatus>;

export const RegistryPilotStatus = z.enum(publicPilotStatuses);
export type RegistryPilotStatus = z.infer<typeof RegistryPilotStatus>;

export const RegistryPilotQuery = z
  .object({
    q: z.string().trim().max(200, 'q must be at most 200 characters').optional(),
    theme: codes('theme', 'theme'),
    stage: codes('stage', 'stage'),
    country: many(CountryCode, 'country'),
    /** The role of the chosen countries (or of any country, without one) in the corridor. */
    role: many(z.enum(countryRoles, { error: 'role is origin, transit or destination' }), 'role'),
    status: many(
      z.enum(publicPilotStatuses, { error: `status is one of: ${publicPilotStatuses.join(', ')}` }),
      'status',
    ),
    reportingStatus: many(
      z.enum(registryReportingStatuses, {
        error: `reportingStatus is one of: ${registryReportingStatuses.join(', ')}`,
      }),
      'reportingStatus',
    ),
    page,
    pageSize,
  })
  .strict();
export type RegistryPilotQuery = z.infer<typeof RegistryPilotQuery>;

/** Exports hold every matching pilot: the same filters, no paging. */
export const RegistryPilotExportQuery = RegistryPilotQuery.omit({ page: true, pageSize: true });
export type RegistryPilotExportQuery = z.infer<typeof RegistryPilotExportQuery>;

// Any text: an unknown slug is simply not found.
export const RegistryPilotParams = z
  .object({ slug: z.string().min(1).max(200, 'slug must be at most 200 characters') })
  .strict();

const Period = z.object({ start: z.string().nullable(), end: z.string().nullable() });

/** A pilot as the registry lists it. */
export const RegistryPilotSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  status: RegistryPilotStatus,
  lead: PilotOrganisation,
  themes: z.array(z.string()),
  stages: z.array(z.string()),
  countries: z.array(PracticeCountry),
  period: Period,
  language: Locale.nullable(),
  activatedAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  /** When the editors closed it; an ended pilot's light stays as it was at its end. */
  closedAt: z.iso.datetime().nullable(),
  /** When the lead last submitted the compiled report; null before the first. */
  lastReportAt: z.iso.datetime().nullable(),
  reportingStatus: RegistryReportingStatus,
});
export type RegistryPilotSummary = z.infer<typeof RegistryPilotSummary>;

export const RegistryPilotList = pageOf(RegistryPilotSummary);
export type RegistryPilotList = z.infer<typeof RegistryPilotList>;

export const RegistryPartner = z.object({ organisation: PilotOrganisation, role: PilotPartnerRole });
export type RegistryPartner = z.infer<typeof RegistryPartner>;

export const RegistryMilestone = z.object({
  id: z.uuid(),
  title: z.string(),
  dueDate: z.string(),
  status: PilotMilestoneStatus,
  progress: z.number().int(),
});
export type RegistryMilestone = z.infer<typeof RegistryMilestone>;

const Figures = z.object({ women: z.number().nullable(), men: z.number().nullable() });

/** A target indicator with what the latest report says of it (null figures: not reported). */
export const RegistryIndicatorProgress = z.object({
  indicator: z.string(),
  unit: z.string().nullable(),
  target: Figures,
  actual: Figures,
});
export type RegistryIndicatorProgress = z.infer<typeof RegistryIndicatorProgress>;

export const RegistryReport = z.object({
  periodStart: z.string(),
  periodEnd: z.string(),
  submittedAt: z.iso.datetime(),
  narrative: z.string(),
});

export const RegistryPracticeLink = z.object({ slug: z.string(), title: z.string() });
export type RegistryPracticeLink = z.infer<typeof RegistryPracticeLink>;

/** Everything the public pilot page shows. */
export const RegistryPilot = RegistryPilotSummary.extend({
  objectives: z.string(),
  expectedResults: z.string(),
  frameworks: z.array(z.string()),
  budget: PilotBudget,
  closedReason: z.string().nullable(),
  /** Accepted partners, the lead first. */
  partners: z.array(RegistryPartner),
  milestones: z.array(RegistryMilestone),
  /** The latest submitted compiled report; null before the first. */
  latestReport: RegistryReport.nullable(),
  /** Every target indicator, with the latest report's values. */
  indicators: z.array(RegistryIndicatorProgress),
  /** Published practices that grew out of this pilot. */
  practices: z.array(RegistryPracticeLink),
});
export type RegistryPilot = z.infer<typeof RegistryPilot>;

/** One pilot in an export: its public fields as plain values, with a link to its page. */
export const RegistryPilotRecord = z.object({
  id: z.uuid(),
  url: z.url(),
  title: z.string(),
  summary: z.string(),
  status: RegistryPilotStatus,
  leadName: z.string(),
  leadKind: z.enum(organisationKinds),
  partners: z.array(z.object({ name: z.string(), role: PilotPartnerRole })),
  countries: z.array(PracticeCountry),
  themes: z.array(z.string()),
  stages: z.array(z.string()),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  activatedAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  lastReportAt: z.iso.datetime().nullable(),
  reportingStatus: RegistryReportingStatus,
});
export type RegistryPilotRecord = z.infer<typeof RegistryPilotRecord>;

export const RegistryOrganisationQuery = z
  .object({
    kind: many(z.enum(organisationKinds, { error: 'Unknown kind' }), 'kind'),
    country: many(CountryCode, 'country'),
    page,
    pageSize,
  })
  .strict();
export type RegistryOrganisationQuery = z.infer<typeof RegistryOrganisationQuery>;

export const RegistryOrganisationParams = z.object({ id: z.uuid({ error: 'id must be a UUID' }) }).strict();

export const RegistryOrganisationSummary = PilotOrganisation.extend({
  /** Public pilots it leads or is an accepted partner of. */
  pilotCount: z.number().int(),
  publishedPracticeCount: z.number().int(),
});
export type RegistryOrganisationSummary = z.infer<typeof RegistryOrganisationSummary>;

export const RegistryOrganisationList = pageOf(RegistryOrganisationSummary);
export type RegistryOrganisationList = z.infer<typeof RegistryOrganisationList>;

export const RegistryOrganisation = RegistryOrganisationSummary.extend({
  website: z.string().nullable(),
  pilots: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      role: PilotPartnerRole,
      status: RegistryPilotStatus,
      reportingStatus: RegistryReportingStatus,
    }),
  ),
  practices: z.array(RegistryPracticeLink),
});
export type RegistryOrganisation = z.infer<typeof RegistryOrganisation>;

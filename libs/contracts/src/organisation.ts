import { z } from 'zod';
import { CountryCode } from './country';
import { PageQuery } from './pagination';
import { OrganisationKind } from './taxonomy';

export const organisationStatuses = ['pending', 'verified', 'rejected'] as const;
export const OrganisationStatus = z.enum(organisationStatuses);
export type OrganisationStatus = z.infer<typeof OrganisationStatus>;

const Website = z
  .string()
  .trim()
  .max(300, 'The website must be at most 300 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter a web address starting with http:// or https://' }));

const OrganisationName = z
  .string({ error: 'Enter the organisation name' })
  .trim()
  .min(2, 'The organisation name must be at least 2 characters')
  .max(200, 'The organisation name must be at most 200 characters');

export const CreateOrganisationInput = z
  .object({
    name: OrganisationName,
    kind: OrganisationKind,
    // null for international bodies with no single country
    country: CountryCode.nullable().default(null),
    website: Website.nullable().default(null),
  })
  .strict();
export type CreateOrganisationInput = z.infer<typeof CreateOrganisationInput>;

export const UpdateOrganisationInput = z
  .object({
    name: OrganisationName.optional(),
    kind: OrganisationKind.optional(),
    country: CountryCode.nullable().optional(),
    website: Website.nullable().optional(),
    /** The version the editor started from; a concurrent change answers 409. */
    version: z.number({ error: 'version is required' }).int().min(1),
  })
  .strict();
export type UpdateOrganisationInput = z.infer<typeof UpdateOrganisationInput>;

export const VerifyOrganisationInput = z
  .object({ version: z.number({ error: 'version is required' }).int().min(1) })
  .strict();
export type VerifyOrganisationInput = z.infer<typeof VerifyOrganisationInput>;

export const RejectOrganisationInput = z
  .object({
    reason: z
      .string({ error: 'Give a reason' })
      .trim()
      .min(3, 'Give a reason of at least 3 characters')
      .max(2000, 'The reason must be at most 2000 characters'),
    version: z.number({ error: 'version is required' }).int().min(1),
  })
  .strict();
export type RejectOrganisationInput = z.infer<typeof RejectOrganisationInput>;

export const Organisation = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: OrganisationKind,
  country: z.string().nullable(),
  website: z.string().nullable(),
  status: OrganisationStatus,
  /** Shown to the organisation's members and to admins only. */
  rejectionReason: z.string().nullable().optional(),
  createdAt: z.iso.datetime(),
  verifiedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationListQuery = PageQuery.extend({
  status: OrganisationStatus.optional(),
  kind: OrganisationKind.optional(),
  /** Where the organisation is based; international bodies (no country) never match. */
  country: CountryCode.optional(),
  q: z.string().trim().max(100, 'The search must be at most 100 characters').optional(),
  /** Only organisations the caller belongs to. */
  mine: z
    .enum(['true', 'false'], { error: 'mine must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

export const OrganisationPage = z.object({
  items: z.array(Organisation),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type OrganisationPage = z.infer<typeof OrganisationPage>;

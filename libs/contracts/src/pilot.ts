import { pilotPartnerStates, pilotStates } from '@pathways/workflow';
import { z } from 'zod';
import { CountryCode } from './country';
import { Locale } from './locale';
import { OrganisationKind } from './taxonomy';
import { blank, Figure, IsoDate, PracticeCountry, termCodes, text, Version } from './practice';

/** The pilot workflow's states: the definition in libs/workflow is the one list. */
export const pilotStatuses = pilotStates;
export const PilotStatus = z.enum(pilotStatuses, { error: `Choose one of: ${pilotStatuses.join(', ')}` });
export type PilotStatus = z.infer<typeof PilotStatus>;

/** States the public sees: a pilot is public from the moment it becomes active (issue 5). */
export const publicPilotStatuses = [
  'active',
  'completed',
  'closed',
] as const satisfies readonly PilotStatus[];

export const pilotPartnerRoles = ['lead', 'implementing', 'funding', 'technical', 'advisory'] as const;
export const PilotPartnerRole = z.enum(pilotPartnerRoles, {
  error: `Choose one of: ${pilotPartnerRoles.join(', ')}`,
});
export type PilotPartnerRole = z.infer<typeof PilotPartnerRole>;
/** Roles an invitation may offer: there is one lead, the organisation that proposed the pilot. */
export const invitedPartnerRoles = pilotPartnerRoles.filter((r) => r !== 'lead') as [
  Exclude<PilotPartnerRole, 'lead'>,
  ...Exclude<PilotPartnerRole, 'lead'>[],
];

export const PilotPartnerStatus = z.enum(pilotPartnerStates);
export type PilotPartnerStatus = z.infer<typeof PilotPartnerStatus>;

/** Budget bands in US dollars: a range, not a figure, as partners can rarely publish exact budgets. */
export const pilotBudgetRanges = ['under-50k', '50k-250k', '250k-1m', '1m-5m', 'over-5m'] as const;
export const PilotBudgetRange = z.enum(pilotBudgetRanges, {
  error: `Choose one of: ${pilotBudgetRanges.join(', ')}`,
});

export const PilotBudget = z
  .object({
    range: PilotBudgetRange.optional(),
    sources: z
      .array(text('A funding source', 200).min(1, 'A funding source needs a name'))
      .max(20, 'At most 20 funding sources'),
  })
  .partial()
  .strict();

export const PilotPeriod = z
  .object({ start: IsoDate, end: IsoDate })
  .partial()
  .strict()
  .refine((p) => !p.start || !p.end || p.start <= p.end, {
    message: 'The period must end after it starts',
    path: ['end'],
  });

/** An expected result measured for women and men separately, with the target for each. */
export const PilotTargetIndicator = z
  .object({
    indicator: text('The indicator', 300).min(1, 'Name the indicator'),
    unit: text('The unit', 50).optional(),
    women: Figure,
    men: Figure,
  })
  .strict();
export type PilotTargetIndicator = z.infer<typeof PilotTargetIndicator>;

/** What the lead proposes. A draft may hold any subset; `missingForProposal` lists what proposing needs. */
export const PilotContent = z
  .object({
    title: text('The title', 200),
    summary: text('The summary', 1000),
    objectives: text('The objectives', 8000),
    themes: termCodes('theme', 'themes'),
    stages: termCodes('stage', 'stages'),
    /** The corridor: countries with their role in it. */
    countries: z
      .array(PracticeCountry, { error: 'Give a list of countries' })
      .max(60, 'At most 60 countries')
      .refine(
        (list) => new Set(list.map((c) => `${c.code}:${c.role}`)).size === list.length,
        'Each country may have each role once',
      ),
    period: PilotPeriod,
    budget: PilotBudget,
    expectedResults: text('The expected results', 8000),
    indicators: z.array(PilotTargetIndicator).max(50, 'At most 50 indicators'),
    frameworks: termCodes('framework', 'frameworks'),
    language: Locale,
  })
  .partial()
  .strict();
export type PilotContent = z.infer<typeof PilotContent>;

/** Required fields a proposal still leaves empty, by field name, in form order. */
export function missingForProposal(content: PilotContent): string[] {
  const missing: string[] = [];
  for (const field of ['title', 'summary', 'objectives'] as const)
    if (blank(content[field])) missing.push(field);
  if (!content.themes?.length) missing.push('themes');
  if (!content.stages?.length) missing.push('stages');
  const roles = new Set(content.countries?.map((c) => c.role));
  if (!roles.has('origin') || !roles.has('destination')) missing.push('countries');
  if (!content.period?.start || !content.period.end) missing.push('period');
  if (blank(content.expectedResults)) missing.push('expectedResults');
  if (!content.indicators?.length) missing.push('indicators');
  if (!content.language) missing.push('language');
  return missing;
}

export const PilotOrganisation = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: OrganisationKind,
  country: z.string().nullable(),
});
export type PilotOrganisation = z.infer<typeof PilotOrganisation>;

/** A partner of a pilot: the lead (accepted from the start) or an invited organisation. */
export const PilotPartner = z.object({
  id: z.uuid(),
  organisation: PilotOrganisation,
  role: PilotPartnerRole,
  status: PilotPartnerStatus,
  /** The lead's message with the invitation; null for the lead itself. */
  message: z.string().nullable(),
  /** Countries the partner works in for this pilot, besides its own (for the corridor guard). */
  countries: z.array(z.string()),
  invitedAt: z.iso.datetime(),
  /** When an unanswered invitation lapses. */
  expiresAt: z.iso.datetime().nullable(),
  respondedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type PilotPartner = z.infer<typeof PilotPartner>;

export const Pilot = z.object({
  id: z.uuid(),
  slug: z.string(),
  status: PilotStatus,
  lead: PilotOrganisation,
  content: PilotContent,
  partners: z.array(PilotPartner),
  activatedAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
  /** Why an editor closed the pilot, when closed. */
  closedReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type Pilot = z.infer<typeof Pilot>;

export const CreatePilotInput = z
  .object({
    organisationId: z.uuid({ error: 'Choose the organisation that leads the pilot' }),
    content: PilotContent.default({}),
  })
  .strict();
export type CreatePilotInput = z.infer<typeof CreatePilotInput>;

export const UpdatePilotInput = z.object({ content: PilotContent, version: Version }).strict();
export type UpdatePilotInput = z.infer<typeof UpdatePilotInput>;

const PartnerCountries = z
  .array(CountryCode, { error: 'Give a list of countries' })
  .max(60, 'At most 60 countries')
  .refine((list) => new Set(list).size === list.length, 'Each country may be listed once');

export const InvitePartnerInput = z
  .object({
    organisationId: z.uuid({ error: 'Choose the organisation to invite' }),
    role: z.enum(invitedPartnerRoles, { error: `Choose one of: ${invitedPartnerRoles.join(', ')}` }),
    message: text('The message', 2000).default(''),
  })
  .strict();
export type InvitePartnerInput = z.infer<typeof InvitePartnerInput>;

/** An answer to an invitation, or the lead withdrawing it. */
export const AnswerInvitationInput = z
  .object({
    version: Version,
    /** On acceptance: where the organisation works for this pilot. */
    countries: PartnerCountries.default([]),
  })
  .strict();
export type AnswerInvitationInput = z.infer<typeof AnswerInvitationInput>;

export const FirePilotTransitionInput = z
  .object({
    version: Version,
    /** Required to close a pilot: shown publicly with it. */
    reason: text('The reason', 2000).optional(),
  })
  .strict();
export type FirePilotTransitionInput = z.infer<typeof FirePilotTransitionInput>;

import { z } from 'zod';
import { PageQuery, pageOf } from './pagination';
import { Pilot, PilotOrganisation, PilotPartner, PilotPartnerStatus, PilotStatus } from './pilot';
import { PracticeStatus } from './practice';

export const PilotListQuery = PageQuery.extend({
  status: PilotStatus.optional(),
  /** Only pilots the caller's organisations lead or were invited to. */
  mine: z
    .enum(['true', 'false'], { error: 'mine must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
});
export type PilotListQuery = z.infer<typeof PilotListQuery>;

export const PilotPage = pageOf(Pilot);
export type PilotPage = z.infer<typeof PilotPage>;

/** An invitation as the invited organisation's inbox shows it: with the pilot it is about. */
export const PilotInvitation = PilotPartner.extend({
  pilot: z.object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string().nullable(),
    status: PilotStatus,
    lead: PilotOrganisation,
  }),
});
export type PilotInvitation = z.infer<typeof PilotInvitation>;

export const PilotInvitationQuery = PageQuery.extend({ status: PilotPartnerStatus.optional() });
export type PilotInvitationQuery = z.infer<typeof PilotInvitationQuery>;

export const PilotInvitationPage = pageOf(PilotInvitation);
export type PilotInvitationPage = z.infer<typeof PilotInvitationPage>;

/** A good practice that grew out of a pilot, as the caller may read it (issue 5: links both ways). */
export const PilotPractice = z.object({
  id: z.uuid(),
  title: z.string().nullable(),
  status: PracticeStatus,
  /** Its library address once published; null before. */
  slug: z.string().nullable(),
});
export type PilotPractice = z.infer<typeof PilotPractice>;

export const PilotPracticeList = z.object({ items: z.array(PilotPractice) });
export type PilotPracticeList = z.infer<typeof PilotPracticeList>;

import { z } from 'zod';
import { pageOf, PageQuery } from './pagination';
import { MembershipRole, MembershipStatus } from './roles';

export const Membership = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  organisationStatus: z.enum(['pending', 'verified', 'rejected']),
  userId: z.uuid(),
  userName: z.string(),
  /** Shown to the organisation's focal points and to admins only. */
  userEmail: z.string().optional(),
  role: MembershipRole,
  status: MembershipStatus,
  message: z.string().nullable(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});
export type Membership = z.infer<typeof Membership>;

/** One page of an organisation's members or join requests, oldest first. */
export const MembershipList = pageOf(Membership);
export type MembershipList = z.infer<typeof MembershipList>;

export const MembershipListQuery = PageQuery.extend({ status: MembershipStatus.optional() });
export type MembershipListQuery = z.infer<typeof MembershipListQuery>;

export const JoinRequestInput = z
  .object({
    message: z
      .string()
      .trim()
      .max(1000, 'The message must be at most 1000 characters')
      .nullable()
      .default(null),
  })
  .strict();
export type JoinRequestInput = z.infer<typeof JoinRequestInput>;

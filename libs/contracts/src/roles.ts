import { z } from 'zod';

/**
 * Platform roles sit on the user. Everyone with an account is a partner; admins grant the others.
 * Acting for an organisation is a membership, not a platform role.
 */
export const platformRoles = ['partner', 'reviewer', 'editor', 'admin'] as const;
export const PlatformRole = z.enum(platformRoles, {
  error: 'Choose one of: partner, reviewer, editor, admin',
});
export type PlatformRole = z.infer<typeof PlatformRole>;

/** Roles an admin grants and revokes; "partner" belongs to every account. */
export const grantableRoles = ['reviewer', 'editor', 'admin'] as const;
export const GrantableRole = z.enum(grantableRoles, { error: 'Choose one of: reviewer, editor, admin' });
export type GrantableRole = z.infer<typeof GrantableRole>;

export const membershipRoles = ['member', 'focal_point'] as const;
export const MembershipRole = z.enum(membershipRoles);
export type MembershipRole = z.infer<typeof MembershipRole>;

export const membershipStatuses = ['pending', 'active', 'declined'] as const;
export const MembershipStatus = z.enum(membershipStatuses);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

import type { MembershipRole, MembershipStatus, OrganisationStatus, PlatformRole } from '@pathways/contracts';

/** What permissions need to know about the caller; loaded once per request. */
export interface Actor {
  id: string;
  roles: readonly PlatformRole[];
  memberships: readonly ActorMembership[];
  /** Practices the caller was invited to review and has not declined (reviewers read them). */
  reviewing?: readonly string[];
  /** The review policy is double-blind: reviewers read those practices without the author's identity. */
  doubleBlind?: boolean;
}

export interface ActorMembership {
  organisationId: string;
  role: MembershipRole;
  status: MembershipStatus;
  organisationStatus: OrganisationStatus;
}

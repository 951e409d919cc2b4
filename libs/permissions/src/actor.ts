import type { MembershipRole, MembershipStatus, OrganisationStatus, PlatformRole } from '@pathways/contracts';

/** What permissions need to know about the caller; loaded once per request. */
export interface Actor {
  id: string;
  roles: readonly PlatformRole[];
  memberships: readonly ActorMembership[];
}

export interface ActorMembership {
  organisationId: string;
  role: MembershipRole;
  status: MembershipStatus;
  organisationStatus: OrganisationStatus;
}

import type { Membership as MembershipDto, Organisation as OrganisationDto } from '@pathways/contracts';
import type { Membership, Organisation } from '@pathways/persistence';
import type { AppAbility } from '@pathways/permissions';
import { membershipSubject } from './organisation.subject';

export const toOrganisationDto = (org: Organisation): OrganisationDto => ({
  id: org.id,
  name: org.name,
  kind: org.kind,
  country: org.country,
  website: org.website,
  status: org.status,
  // Only members, editors and admins can read a rejected organisation at all.
  rejectionReason: org.rejectionReason,
  createdAt: org.createdAt.toISOString(),
  verifiedAt: org.verifiedAt?.toISOString() ?? null,
  version: org.version,
});

/** Field-level rules decide whether the member's e-mail is shown (focal points and admins only). */
export const toMembershipDto = (m: Membership, ability: AppAbility): MembershipDto => ({
  id: m.id,
  organisationId: m.organisation.id,
  organisationName: m.organisation.name,
  organisationStatus: m.organisation.status,
  userId: m.user.id,
  userName: m.user.name,
  ...(ability.can('read', membershipSubject(m), 'userEmail') ? { userEmail: m.user.email } : {}),
  role: m.role,
  status: m.status,
  message: m.message,
  createdAt: m.createdAt.toISOString(),
  decidedAt: m.decidedAt?.toISOString() ?? null,
});

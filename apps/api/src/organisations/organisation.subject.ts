import type { Membership, Organisation } from '@pathways/persistence';
import { asSubject } from '@pathways/permissions';

/** What CASL conditions see of an organisation or a membership (relations as ids). */
export const organisationSubject = (org: Organisation) =>
  asSubject('Organisation', { id: org.id, status: org.status, kind: org.kind, country: org.country });

export const membershipSubject = (m: Membership) =>
  asSubject('Membership', {
    id: m.id,
    organisation: m.organisation.id,
    user: m.user.id,
    status: m.status,
    role: m.role,
  });

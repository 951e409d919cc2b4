import { AuditEvent } from './audit-event.entity';
import { Membership } from './membership.entity';
import { Organisation } from './organisation.entity';
import { Session } from './session.entity';
import { TaxonomyTerm } from './taxonomy-term.entity';
import { User } from './user.entity';

export { AuditEvent, Membership, Organisation, Session, TaxonomyTerm, User };
export const entities = [User, Session, Organisation, Membership, TaxonomyTerm, AuditEvent];

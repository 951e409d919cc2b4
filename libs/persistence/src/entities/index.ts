import { Attachment } from './attachment.entity';
import { AuditEvent } from './audit-event.entity';
import { Membership } from './membership.entity';
import { Organisation } from './organisation.entity';
import { Session } from './session.entity';
import { TaxonomyTerm } from './taxonomy-term.entity';
import { Notification } from './notification.entity';
import { OutboxMessage } from './outbox-message.entity';
import { Pilot } from './pilot.entity';
import { PilotMilestone } from './pilot-milestone.entity';
import { PilotPartner } from './pilot-partner.entity';
import { PilotReport } from './pilot-report.entity';
import { Practice } from './practice.entity';
import { PracticeVersion } from './practice-version.entity';
import { ReviewAssignment } from './review-assignment.entity';
import { ReviewPolicy } from './review-policy.entity';
import { EmailDelivery } from './email-delivery.entity';
import { User } from './user.entity';
import { WorkflowEvent } from './workflow-event.entity';

export {
  Attachment,
  AuditEvent,
  EmailDelivery,
  Membership,
  Notification,
  Organisation,
  OutboxMessage,
  Pilot,
  PilotMilestone,
  PilotPartner,
  PilotReport,
  Practice,
  PracticeVersion,
  ReviewAssignment,
  ReviewPolicy,
  Session,
  TaxonomyTerm,
  User,
  WorkflowEvent,
};
export const entities = [
  User,
  Session,
  Organisation,
  Membership,
  TaxonomyTerm,
  AuditEvent,
  WorkflowEvent,
  OutboxMessage,
  Practice,
  PracticeVersion,
  Notification,
  Attachment,
  ReviewAssignment,
  ReviewPolicy,
  EmailDelivery,
  Pilot,
  PilotPartner,
  PilotMilestone,
  PilotReport,
];

import type { MongoAbility, MongoQuery } from '@casl/ability';

/** Actions: CRUD plus the domain verbs that routes and (later) workflow transitions declare. */
export const actions = [
  'manage',
  'read',
  'create',
  'update',
  'delete',
  'verify',
  'reject',
  'join',
  'approve',
  'decline',
  'act_for',
  'grant_role',
  'revoke_role',
  // Practice workflow transitions (libs/workflow): action = transition name.
  'submit',
  'start_screening',
  'desk_reject',
  'send_to_review',
  'request_revisions',
  'resubmit',
  'resume_review',
  'accept',
  'publish',
  'withdraw',
  'retract',
  'revise',
  'desk_reject_revision',
  'reject_revision',
  'withdraw_revision',
  // Pilot workflow transitions and the lead's invitations (issue 5).
  'propose',
  'start_forming',
  'activate',
  'complete',
  'close',
  'invite',
  'reinvite',
] as const;
export type Action = (typeof actions)[number];

/**
 * Subjects and the shape CASL conditions see. Relations appear as ids (`organisation`, `user`),
 * which is also how MikroORM filters compare them, so one rule serves checks and SQL.
 */
export interface SubjectShapes {
  User: { id: string; roles: string[] };
  Organisation: { id: string; status: string; kind: string; country: string | null };
  Membership: { id: string; organisation: string; user: string; status: string; role: string };
  Session: { user: string };
  /** `publishedVersion`: the id of the version in the library, null when none was published. */
  Practice: { id: string; organisation: string; status: string; publishedVersion: string | null };
  /**
   * `activatedAt`: set once the pilot became active, from when it is public. `partnerOrganisations`:
   * every organisation invited to it (any answer), whose members may follow it.
   */
  Pilot: {
    id: string;
    leadOrganisation: string;
    status: string;
    activatedAt: string | null;
    partnerOrganisations: string[];
  };
  /** An invitation or partnership, with the pilot's lead so the lead's rules can name it. */
  PilotPartner: { id: string; pilot: string; organisation: string; leadOrganisation: string; status: string };
  PilotMilestone: { pilot: string; leadOrganisation: string };
  /** A progress report: each partner reports on its own part, the lead compiles. */
  PilotReport: { pilot: string; organisation: string; leadOrganisation: string };
  Notification: { recipient: string };
  ReviewAssignment: { id: string; reviewer: string; practice: string; status: string };
  /** Submitted reviews as the practice's authors read them (no reviewer identity). */
  Review: { practice: string; organisation: string };
  ReviewerProfile: { user: string };
  ReviewPolicy: Record<string, never>;
  /** The mail log. */
  EmailDelivery: Record<string, never>;
  /** The BullMQ queues, seen and retried in the queue dashboard. */
  Queue: Record<string, never>;
  Taxonomy: Record<string, never>;
  AuditEvent: Record<string, never>;
  System: Record<string, never>;
}
export type SubjectType = keyof SubjectShapes;
export const subjectTypes: SubjectType[] = [
  'User',
  'Organisation',
  'Membership',
  'Session',
  'Practice',
  'Pilot',
  'PilotPartner',
  'PilotMilestone',
  'PilotReport',
  'Notification',
  'ReviewAssignment',
  'Review',
  'ReviewerProfile',
  'ReviewPolicy',
  'EmailDelivery',
  'Queue',
  'Taxonomy',
  'AuditEvent',
  'System',
];

type TaggedSubject = { [K in SubjectType]: SubjectShapes[K] & { __caslSubjectType__: K } }[SubjectType];
export type Subject = SubjectType | TaggedSubject | 'all';
export type AppAbility = MongoAbility<[Action, Subject], MongoQuery>;

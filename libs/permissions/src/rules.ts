import type { AbilityBuilder } from '@casl/ability';
import type { PlatformRole } from '@pathways/contracts';
import type { AppAbility } from './ability';
import type { Actor, ActorMembership } from './actor';
import { practiceBlindFields } from './practice-fields';

type Builder = AbilityBuilder<AppAbility>;

const orgIds = (memberships: readonly ActorMembership[], keep: (m: ActorMembership) => boolean) =>
  memberships.filter(keep).map((m) => m.organisationId);

/** What anyone may do, signed in or not. */
export function publicRules({ can }: Builder): void {
  can('read', 'Organisation', { status: 'verified' });
  can('read', 'Taxonomy');
  can('read', 'Practice', { status: 'published' });
  // A pilot is public from the moment it became active, whatever followed (closed, completed).
  can('read', 'Pilot', { activatedAt: { $ne: null } });
}

/** Transitions the lead organisation's focal points fire; editors close (DESIGN §4, issue 5). */
export const pilotLeadTransitions = ['propose', 'start_forming', 'activate', 'complete', 'withdraw'] as const;

/** Transitions an owner organisation's members fire; editors fire the rest (DESIGN §4). */
export const authorTransitions = ['submit', 'resubmit', 'withdraw', 'revise', 'withdraw_revision'] as const;
export const editorTransitions = [
  'start_screening',
  'desk_reject',
  'send_to_review',
  'request_revisions',
  'resume_review',
  'accept',
  'reject',
  'desk_reject_revision',
  'reject_revision',
  'publish',
  'retract',
] as const;

/**
 * Rules per platform role. Every account is a partner; the other roles add to it.
 * Business states (e.g. "only pending organisations can be verified") are checked by services and
 * answer 409, so CASL here says who may, not when.
 */
export const roleRules: Record<PlatformRole, (actor: Actor, builder: Builder) => void> = {
  partner(actor, { can }) {
    const me = actor.id;
    const belongsTo = orgIds(actor.memberships, (m) => m.status !== 'declined');
    const activeIn = orgIds(actor.memberships, (m) => m.status === 'active');
    const focalIn = orgIds(actor.memberships, (m) => m.status === 'active' && m.role === 'focal_point');
    const verifiedMemberOf = orgIds(
      actor.memberships,
      (m) => m.status === 'active' && m.organisationStatus === 'verified',
    );
    const verifiedFocalIn = orgIds(
      actor.memberships,
      (m) => m.status === 'active' && m.role === 'focal_point' && m.organisationStatus === 'verified',
    );

    can('read', 'User', { id: me });
    can('update', 'User', ['name', 'locale'], { id: me });
    can(['read', 'delete'], 'Session', { user: me });
    can(['read', 'update'], 'Notification', { recipient: me });

    can('create', 'Organisation');
    can('read', 'Organisation', { id: { $in: belongsTo } });
    can('join', 'Organisation', { status: 'verified' });
    // Identity fields can change only before verification, so a verified body cannot turn into another.
    can('update', 'Organisation', ['name', 'kind', 'country', 'website'], {
      id: { $in: focalIn },
      status: 'pending',
    });
    can('update', 'Organisation', ['website'], { id: { $in: focalIn }, status: 'verified' });
    // Only members of verified organisations act for them (propose pilots, submit practices).
    can('act_for', 'Organisation', { id: { $in: verifiedMemberOf } });

    can('read', 'Membership', { user: me });
    can('read', 'Membership', ['id', 'organisation', 'user', 'userName', 'role', 'status', 'createdAt'], {
      organisation: { $in: activeIn },
      status: 'active',
    });
    can('read', 'Membership', { organisation: { $in: verifiedFocalIn } });
    can(['approve', 'decline'], 'Membership', { organisation: { $in: verifiedFocalIn } });

    // Which state allows an edit or a transition is the workflow's business (409), not CASL's.
    const ownPractices = { organisation: { $in: verifiedMemberOf } };
    can(['create', 'read', 'update'], 'Practice', ownPractices);
    can([...authorTransitions], 'Practice', ownPractices);
    // The authors read the reviews of their practices (the service says which rounds are decided).
    can('read', 'Review', { organisation: { $in: verifiedMemberOf } });

    // Pilots: the lead's focal points propose, edit, invite and move it; its members and the invited
    // organisations' members follow it; each invited organisation's focal points answer for it.
    const ledByMe = { leadOrganisation: { $in: verifiedFocalIn } };
    can(['create', 'read', 'update', 'invite', ...pilotLeadTransitions], 'Pilot', ledByMe);
    can('read', 'Pilot', { leadOrganisation: { $in: verifiedMemberOf } });
    can('read', 'Pilot', { partnerOrganisations: { $in: verifiedMemberOf } });
    can('read', 'PilotPartner', { organisation: { $in: verifiedMemberOf } });
    can('read', 'PilotPartner', { leadOrganisation: { $in: verifiedMemberOf } });
    can(['accept', 'decline'], 'PilotPartner', { organisation: { $in: verifiedFocalIn } });
    // The lead withdraws an open invitation and sends again one that came to nothing.
    can(['withdraw', 'reinvite'], 'PilotPartner', ledByMe);
    can(['create', 'update', 'delete'], 'PilotMilestone', ledByMe);
    // Each organisation writes, submits and discards its own reports (drafts only: the service's 409).
    can(['create', 'update', 'delete'], 'PilotReport', { organisation: { $in: verifiedMemberOf } });
    can('read', 'PilotReport', { leadOrganisation: { $in: verifiedMemberOf } });
    can('read', 'PilotReport', { organisation: { $in: verifiedMemberOf } });
  },
  reviewer(actor, { can }) {
    // Reviewers see and answer only their own invitations; authors never see who reviews (blind).
    can(['read', 'accept', 'decline', 'submit'], 'ReviewAssignment', { reviewer: actor.id });
    const reviewing = { id: { $in: [...(actor.reviewing ?? [])] } };
    // Double-blind: the practice without who submitted it (field-level, DESIGN §5).
    if (actor.doubleBlind) can('read', 'Practice', practiceBlindFields, reviewing);
    else can('read', 'Practice', reviewing);
    can(['read', 'update'], 'ReviewerProfile', { user: actor.id });
  },
  editor(_actor, { can }) {
    can('read', 'Organisation');
    can('read', 'User', ['id', 'name', 'roles']);
    can('read', 'Practice', { status: { $ne: 'draft' } });
    // A published practice stays theirs to retract while its authors draft a revision.
    can('read', 'Practice', { publishedVersion: { $ne: null } });
    can([...editorTransitions], 'Practice');
    can(['create', 'read'], 'ReviewAssignment');
    can('read', ['Review', 'ReviewPolicy']);
    can(['read', 'close'], 'Pilot');
    can('read', ['PilotPartner', 'PilotReport']);
  },
  admin(_actor, { can }) {
    can(['read', 'verify', 'reject', 'update'], 'Organisation');
    can(['read', 'grant_role', 'revoke_role'], 'User');
    can(['read', 'approve', 'decline'], 'Membership');
    can('read', ['AuditEvent', 'System']);
    can('manage', 'Taxonomy');
    can('read', 'Practice');
    can('read', ['ReviewAssignment', 'Review', 'EmailDelivery']);
    can(['read', 'update'], ['ReviewPolicy', 'ReviewerProfile']);
    can('manage', 'Queue');
    can(['read', 'close'], 'Pilot');
    can('read', ['PilotPartner', 'PilotReport']);
  },
};

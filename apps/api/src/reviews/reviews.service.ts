import { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import {
  type InviteReviewerInput,
  missingReviewFields,
  type ReviewAssignment as ReviewAssignmentDto,
  type ReviewAssignmentList,
  type ReviewAssignmentTransitionInput,
} from '@pathways/contracts';
import { Membership, OutboxMessage, Practice, ReviewAssignment, User } from '@pathways/persistence';
import { QueueName, ReminderJob } from '@pathways/queues';
import { accessibleFilter, type Action } from '@pathways/permissions';
import { type ReviewAssignmentTransition, reviewAssignmentWorkflow } from '@pathways/workflow';
import type { Caller, SignedInCaller } from '../access/caller';
import { AuditService } from '../audit/audit.service';
import { conflict, forbidden, notFound } from '../common/domain-error';
import { flushUnique } from '../common/flush';
import { readablePractice } from '../practices/practice.access';
import { WorkflowRunner } from '../workflow/workflow.runner';
import { reviewAssignmentSubject, toReviewAssignmentDto } from './review-assignment.mapper';

const dayMs = 86_400_000;
// Review policy defaults (DESIGN §4) until the policy is stored and editable.
const invitationWindowDays = 7;
const reviewDueDays = 21;
const invitableStates = ['screening', 'in_review'];

@Injectable()
export class ReviewsService {
  constructor(
    private readonly em: EntityManager,
    private readonly runner: WorkflowRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * An editor invites a reviewer for the practice's current version. Reviewers from the submitting
   * organisation, and for government submissions from the same country, are excluded.
   */
  async invite(
    practiceId: string,
    input: InviteReviewerInput,
    caller: SignedInCaller,
  ): Promise<ReviewAssignmentDto> {
    const practice = await readablePractice(this.em, practiceId, caller);
    if (!caller.ability.can('create', 'ReviewAssignment')) throw forbidden('Only editors invite reviewers.');
    if (!invitableStates.includes(practice.status)) {
      throw conflict(
        'INVALID_STATE',
        `Reviewers are invited during screening or review; this practice is ${practice.status}.`,
      );
    }
    const reviewer = await this.em.findOne(User, { id: input.reviewerId, status: 'active' });
    if (!reviewer || !reviewer.roles.includes('reviewer')) {
      throw conflict('CONFLICT', 'This person is not on the reviewer roster.');
    }
    const exclusion = await this.exclusion(reviewer, practice);
    if (exclusion) throw conflict('CONFLICT', exclusion);

    const invitedAt = new Date();
    const assignment = this.em.create(ReviewAssignment, {
      practice,
      practiceVersion: practice.currentVersion!.unwrap(),
      reviewer,
      invitedBy: caller.user,
      invitedAt,
      respondBy: new Date(invitedAt.getTime() + invitationWindowDays * dayMs),
    });
    this.audit.record(
      caller,
      'review.invited',
      { type: 'ReviewAssignment', id: assignment.id },
      { practiceId },
    );
    // Written with the invitation, so the expiry cannot be lost even if Redis is down right now.
    this.em.create(OutboxMessage, {
      queue: QueueName.Reminders,
      jobName: ReminderJob.ExpireInvitation,
      payload: { assignmentId: assignment.id },
      delayMs: invitationWindowDays * dayMs,
    });
    await flushUnique(this.em, 'This reviewer is already invited for this version.');
    return toReviewAssignmentDto(assignment);
  }

  /** Editors see the whole panel; a reviewer sees only their own invitation. */
  async forPractice(practiceId: string, caller: Caller): Promise<ReviewAssignmentList> {
    await readablePractice(this.em, practiceId, caller);
    return this.list(caller, { practice: practiceId });
  }

  /** The caller's own review queue. */
  async mine(caller: SignedInCaller): Promise<ReviewAssignmentList> {
    return this.list(caller, { reviewer: caller.user.id });
  }

  async fire(
    id: string,
    transition: string,
    input: ReviewAssignmentTransitionInput,
    caller: SignedInCaller,
  ): Promise<ReviewAssignmentDto> {
    const assignment = await this.readable(id, caller);
    const review = input.review ?? assignment.review;
    const subject = reviewAssignmentSubject(assignment);
    const missing = missingReviewFields(review);
    await this.runner.fire({
      definition: reviewAssignmentWorkflow,
      entity: ReviewAssignment,
      entityType: 'ReviewAssignment',
      record: assignment,
      transition,
      version: input.version,
      context: { conflictDeclared: Boolean(input.conflictDeclaration), missingReviewFields: missing },
      permit: (name: ReviewAssignmentTransition) => caller.ability.can(name as Action, subject),
      blockedIssues:
        transition === 'submit'
          ? missing.map((path) => ({
              path: `review.${path}`,
              message: 'Required before submitting the review.',
            }))
          : transition === 'accept' && !input.conflictDeclaration
            ? [{ path: 'conflictDeclaration', message: 'Declare "none" or describe the conflict.' }]
            : undefined,
      actorId: caller.user.id,
      payload: { practiceId: assignment.practice.id },
      alongside: async (em, name) => {
        const now = new Date();
        if (name === 'accept') {
          await em.nativeUpdate(
            ReviewAssignment,
            { id: assignment.id },
            {
              conflictDeclaration: input.conflictDeclaration,
              dueAt: new Date(now.getTime() + reviewDueDays * dayMs),
            },
          );
        }
        if (name === 'submit') {
          await em.nativeUpdate(ReviewAssignment, { id: assignment.id }, { review, submittedAt: now });
        }
      },
    });
    const fresh = await this.em.findOneOrFail(
      ReviewAssignment,
      { id },
      { populate: ['practice', 'reviewer'], refresh: true },
    );
    return toReviewAssignmentDto(fresh);
  }

  private async list(caller: Caller, where: FilterQuery<ReviewAssignment>): Promise<ReviewAssignmentList> {
    const allowed = accessibleFilter(caller.ability, 'read', 'ReviewAssignment');
    if (!allowed) return { items: [] };
    const rows = await this.em.find(
      ReviewAssignment,
      { $and: [allowed as FilterQuery<ReviewAssignment>, where] },
      { populate: ['practice', 'reviewer'], orderBy: [{ invitedAt: 'asc' }, { id: 'asc' }] },
    );
    return { items: rows.map(toReviewAssignmentDto) };
  }

  private async readable(id: string, caller: Caller): Promise<ReviewAssignment> {
    const assignment = await this.em.findOne(
      ReviewAssignment,
      { id },
      { populate: ['practice', 'reviewer'] },
    );
    if (!assignment || !caller.ability.can('read', reviewAssignmentSubject(assignment)))
      throw notFound('review assignment');
    return assignment;
  }

  private async exclusion(reviewer: User, practice: Practice): Promise<string | null> {
    const memberships = await this.em.find(
      Membership,
      { user: reviewer, status: 'active' },
      { populate: ['organisation'] },
    );
    if (memberships.some((m) => m.organisation.id === practice.organisation.id)) {
      return 'Reviewers from the submitting organisation cannot review its practices.';
    }
    const sameCountry =
      practice.organisation.kind === 'government' &&
      practice.organisation.country !== null &&
      memberships.some((m) => m.organisation.country === practice.organisation.country);
    return sameCountry ? 'For a government submission, reviewers from the same country are excluded.' : null;
  }
}

import { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import {
  type AuthorReview,
  type AuthorReviewList,
  type InviteReviewerInput,
  missingReviewFields,
  policyDays,
  type ReviewAssignment as ReviewAssignmentDto,
  type ReviewAssignmentList,
  type ReviewAssignmentTransitionInput,
  type ReviewerSuggestionList,
} from '@pathways/contracts';
import {
  inviteReviewer,
  loadReviewPolicy,
  type Practice,
  ReviewAssignment,
  reviewerSuggestions,
  User,
} from '@pathways/persistence';
import { accessibleFilter, type Action, asSubject } from '@pathways/permissions';
import { type ReviewAssignmentTransition, reviewAssignmentWorkflow } from '@pathways/workflow';
import type { Caller, SignedInCaller } from '../access/caller';
import { AuditService } from '../audit/audit.service';
import { conflict, forbidden, notFound } from '../common/domain-error';
import { flushUnique } from '../common/flush';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { readablePractice } from '../practices/practice.access';
import { WorkflowRunner } from '../workflow/workflow.runner';
import { reviewAssignmentSubject, toReviewAssignmentDto } from './review-assignment.mapper';

const invitableStates = ['screening', 'in_review'];
/** States in which the editor has decided on the current version's round of review. */
const decidedStates: readonly Practice['status'][] = [
  'revisions_requested',
  'resubmitted',
  'accepted',
  'published',
  'rejected',
  'retracted',
];

@Injectable()
export class ReviewsService {
  constructor(
    private readonly em: EntityManager,
    private readonly runner: WorkflowRunner,
    private readonly audit: AuditService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
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
    const suggestion = (await reviewerSuggestions(this.em, practice)).find(
      (s) => s.reviewerId === reviewer.id,
    );
    if (suggestion?.excluded) throw conflict('CONFLICT', suggestion.excluded);

    const policy = await loadReviewPolicy(this.em);
    const assignment = inviteReviewer(this.em, {
      practice,
      reviewer,
      invitedBy: caller.user,
      origin: 'editor',
      policy,
      daySeconds: this.config.DAY_SECONDS,
    });
    this.audit.record(
      caller,
      'review.invited',
      { type: 'ReviewAssignment', id: assignment.id },
      { practiceId },
    );
    await flushUnique(this.em, 'This reviewer is already invited for this version.');
    return toReviewAssignmentDto(assignment);
  }

  /** The roster ranked for the practice's current version, excluded reviewers last with the reason. */
  async suggestions(practiceId: string, caller: SignedInCaller): Promise<ReviewerSuggestionList> {
    const practice = await readablePractice(this.em, practiceId, caller);
    if (!caller.ability.can('create', 'ReviewAssignment')) throw forbidden('Only editors invite reviewers.');
    return { items: await reviewerSuggestions(this.em, practice) };
  }

  /**
   * The reviews as the authors read them: submitted reviews of rounds the editor has decided,
   * labelled "Reviewer 1..n" by invitation order (the same reviewer keeps their label across rounds),
   * without who wrote them or what they told the editors in confidence.
   */
  async forAuthors(practiceId: string, caller: SignedInCaller): Promise<AuthorReviewList> {
    const practice = await readablePractice(this.em, practiceId, caller);
    const subject = asSubject('Review', { practice: practice.id, organisation: practice.organisation.id });
    if (!caller.ability.can('read', subject)) {
      throw forbidden('Only the authors and the editors read the reviews.');
    }
    const currentDecided = decidedStates.includes(practice.status);
    const submitted = await this.em.find(
      ReviewAssignment,
      { practice, status: 'submitted' },
      { populate: ['practiceVersion'], orderBy: [{ invitedAt: 'asc' }, { id: 'asc' }] },
    );
    const decided = submitted.filter(
      (a) => currentDecided || a.practiceVersion.id !== practice.currentVersion?.id,
    );
    const numbers = new Map<string, number>();
    for (const a of decided) {
      if (!numbers.has(a.reviewer.id)) numbers.set(a.reviewer.id, numbers.size + 1);
    }
    const number = (a: ReviewAssignment) => numbers.get(a.reviewer.id)!;
    decided.sort((x, y) => x.practiceVersion.number - y.practiceVersion.number || number(x) - number(y));
    const items = decided.flatMap((a): AuthorReview[] =>
      a.review?.recommendation && a.submittedAt
        ? [
            {
              label: `Reviewer ${number(a)}`,
              versionNumber: a.practiceVersion.number,
              recommendation: a.review.recommendation,
              scores: a.review.scores ?? {},
              commentsToAuthors: a.review.commentsToAuthors ?? '',
              submittedAt: a.submittedAt.toISOString(),
            },
          ]
        : [],
    );
    return { items };
  }

  /** Editors see the whole panel; a reviewer sees only their own invitation. */
  async forPractice(practiceId: string, caller: Caller): Promise<ReviewAssignmentList> {
    await readablePractice(this.em, practiceId, caller);
    return this.list(caller, { practice: practiceId });
  }

  /** One invitation: its reviewer and the editors read it. */
  async one(id: string, caller: Caller): Promise<ReviewAssignmentDto> {
    return toReviewAssignmentDto(await this.readable(id, caller));
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
    const policy = await loadReviewPolicy(this.em);
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
              dueAt: new Date(now.getTime() + policyDays(policy.reviewDueDays, this.config.DAY_SECONDS)),
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
      { populate: ['practice', 'reviewer', 'practiceVersion'], refresh: true },
    );
    return toReviewAssignmentDto(fresh);
  }

  private async list(caller: Caller, where: FilterQuery<ReviewAssignment>): Promise<ReviewAssignmentList> {
    const allowed = accessibleFilter(caller.ability, 'read', 'ReviewAssignment');
    if (!allowed) return { items: [] };
    const rows = await this.em.find(
      ReviewAssignment,
      { $and: [allowed as FilterQuery<ReviewAssignment>, where] },
      {
        populate: ['practice', 'reviewer', 'practiceVersion'],
        orderBy: [{ invitedAt: 'asc' }, { id: 'asc' }],
      },
    );
    return { items: rows.map(toReviewAssignmentDto) };
  }

  private async readable(id: string, caller: Caller): Promise<ReviewAssignment> {
    const assignment = await this.em.findOne(
      ReviewAssignment,
      { id },
      { populate: ['practice', 'reviewer', 'practiceVersion'] },
    );
    if (!assignment || !caller.ability.can('read', reviewAssignmentSubject(assignment)))
      throw notFound('review assignment');
    return assignment;
  }
}

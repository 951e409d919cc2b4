import { type FilterQuery, ref } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  type AvailableTransitions,
  type CreatePracticeInput,
  decisionRationaleMessage,
  decisionTransitions,
  type FireTransitionInput,
  type Practice as PracticeDto,
  type PracticeListQuery,
  type PracticePage,
  type UpdatePracticeInput,
  type WorkflowEventList,
} from '@pathways/contracts';
import { Organisation, Practice, PracticeVersion } from '@pathways/persistence';
import { accessibleFilter, type Action, authorTransitions } from '@pathways/permissions';
import { available, practiceWorkflow, type PracticeTransition } from '@pathways/workflow';
import type { Caller, SignedInCaller } from '../access/caller';
import { AuditService } from '../audit/audit.service';
import { forbidden, notFound, staleVersion, unauthenticated } from '../common/domain-error';
import { flushUnique } from '../common/flush';
import { organisationSubject } from '../organisations/organisation.subject';
import { WorkflowEventsService } from '../workflow/workflow-events.service';
import { WorkflowRunner } from '../workflow/workflow.runner';
import { loadReviewPolicy, reviewPanel } from '@pathways/persistence';
import { assertEditable, readablePractice } from './practice.access';
import { authorHidden } from './practice.blind';
import { practiceContext } from './practice.context';
import { toPracticeDto } from './practice.mapper';
import { practiceSlug } from './practice.slug';
import { practiceSubject } from './practice.subject';

const entityType = 'Practice';
/** Transitions that hand the current version to editors, which freezes it. */
const submitting: readonly PracticeTransition[] = ['submit', 'resubmit'];
/** Endings of a revision: the practice returns to its published version. */
const backToPublished: readonly PracticeTransition[] = [
  'withdraw_revision',
  'desk_reject_revision',
  'reject_revision',
  'retract',
];
/** Editorial decisions are explained to the authors; the reason is stored with the event. */
const decisions: readonly string[] = decisionTransitions;

@Injectable()
export class PracticesService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly runner: WorkflowRunner,
    private readonly events: WorkflowEventsService,
  ) {}

  async list(query: PracticeListQuery, caller: Caller): Promise<PracticePage> {
    const allowed = accessibleFilter(caller.ability, 'read', 'Practice');
    const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    if (!allowed) return empty;
    const where: FilterQuery<Practice>[] = [allowed as FilterQuery<Practice>];
    if (query.status) where.push({ status: query.status });
    if (query.mine) {
      if (!caller.actor) return empty;
      const mine = caller.actor.memberships.filter((m) => m.status === 'active').map((m) => m.organisationId);
      where.push({ organisation: { $in: mine } });
    }
    const [rows, total] = await this.em.findAndCount(
      Practice,
      { $and: where },
      {
        populate: ['organisation', 'currentVersion', 'publishedVersion'],
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      },
    );
    return { items: rows.map((p) => this.dto(p, caller)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, caller: Caller): Promise<PracticeDto> {
    return this.dto(await this.readable(id, caller), caller);
  }

  /** A new draft, version 1, owned by an organisation the caller acts for. */
  async create(input: CreatePracticeInput, caller: SignedInCaller): Promise<PracticeDto> {
    const organisation = await this.em.findOne(Organisation, { id: input.organisationId });
    if (!organisation || !caller.ability.can('read', organisationSubject(organisation))) {
      throw notFound('organisation');
    }
    if (!caller.ability.can('act_for', organisationSubject(organisation))) {
      throw forbidden('Only members of a verified organisation submit practices for it.');
    }
    const practice = this.em.create(Practice, {
      slug: practiceSlug(input.content.title),
      organisation,
      createdBy: caller.user,
    });
    if (!caller.ability.can('create', practiceSubject(practice))) throw forbidden();
    const first = this.em.create(PracticeVersion, {
      practice,
      number: 1,
      content: input.content,
      createdBy: caller.user,
    });
    practice.currentVersion = ref(first);
    this.audit.record(caller, 'practice.created', { type: entityType, id: practice.id });
    await flushUnique(this.em, 'A practice with this address already exists; try again.');
    return this.dto(practice, caller, first);
  }

  /**
   * Replaces the content of the current version while the authors hold the practice. A version
   * already submitted is frozen: answering a request for revisions starts version n+1.
   */
  async update(id: string, input: UpdatePracticeInput, caller: SignedInCaller): Promise<PracticeDto> {
    const practice = await this.readable(id, caller);
    if (!caller.ability.can('update', practiceSubject(practice))) {
      throw forbidden('You cannot edit this practice.');
    }
    if (practice.version !== input.version) throw staleVersion('practice');
    assertEditable(practice, caller);
    let current = this.current(practice);
    if (current.submittedAt) {
      current = this.em.create(PracticeVersion, {
        practice,
        number: current.number + 1,
        content: input.content,
        createdBy: caller.user,
      });
      practice.currentVersion = ref(current);
    } else {
      current.content = input.content;
    }
    // Touching the practice bumps its version, so a concurrent edit of the content also conflicts.
    practice.updatedAt = new Date();
    await this.em.flush();
    return this.dto(practice, caller, current);
  }

  async transitions(id: string, caller: Caller): Promise<AvailableTransitions> {
    const practice = await this.readable(id, caller);
    const current = this.current(practice);
    const items = available(
      practiceWorkflow,
      practice.status,
      practiceContext(
        current.content,
        await reviewPanel(this.em, current.id),
        await loadReviewPolicy(this.em),
        practice.publishedVersion !== null,
      ),
      this.permit(practice, caller),
    );
    return { items };
  }

  async fire(
    id: string,
    transition: string,
    input: FireTransitionInput,
    caller: Caller,
  ): Promise<PracticeDto> {
    // The route is open to whoever may read the practice, which includes the public.
    if (!caller.user) throw unauthenticated();
    const signedIn = caller as SignedInCaller;
    const practice = await this.readable(id, caller);
    const current = this.current(practice);
    const published = practice.publishedVersion?.getEntity() ?? null;
    const context = practiceContext(
      current.content,
      await reviewPanel(this.em, current.id),
      await loadReviewPolicy(this.em),
      published !== null,
    );
    const name = transition as PracticeTransition;
    // Events into the library name the version it shows; a revision's own number goes alongside.
    const named = published && (backToPublished.includes(name) || name === 'revise') ? published : current;
    await this.runner.fire({
      definition: practiceWorkflow,
      entity: Practice,
      entityType,
      record: practice,
      transition,
      version: input.version,
      context,
      permit: this.permit(practice, caller),
      blockedIssues: submitting.includes(transition as PracticeTransition)
        ? context.missingFields.map((field) => ({
            path: `content.${field}`,
            message: 'Required before submitting.',
          }))
        : undefined,
      inputIssues:
        decisions.includes(transition) && !input.comment
          ? [{ path: 'comment', message: decisionRationaleMessage }]
          : undefined,
      actorId: caller.user.id,
      payload: {
        versionNumber: named.number,
        ...(named !== current ? { revisionNumber: current.number } : {}),
        ...(input.comment ? { comment: input.comment } : {}),
      },
      alongside: async (em, fired) => {
        if (submitting.includes(fired)) {
          await em.nativeUpdate(PracticeVersion, { id: current.id }, { submittedAt: new Date() });
        }
        if (fired === 'publish') {
          await em.nativeUpdate(
            PracticeVersion,
            { id: current.id, publishedAt: null },
            { publishedAt: new Date() },
          );
          await em.nativeUpdate(Practice, { id: practice.id }, { publishedVersion: current.id });
        }
        if (fired === 'revise') await this.startRevision(em, practice, current, signedIn);
        // The abandoned working version stays in the history; the published one is current again.
        if (published && backToPublished.includes(fired)) {
          await em.nativeUpdate(Practice, { id: practice.id }, { currentVersion: published.id });
        }
      },
    });
    // The transaction wrote past this request's identity map; read the practice afresh.
    const fresh = await this.em.findOneOrFail(
      Practice,
      { id },
      { populate: ['organisation', 'currentVersion', 'publishedVersion'], refresh: true },
    );
    return this.dto(fresh, caller);
  }

  /** A new working version, a copy of the published one, for the authors to change. */
  private async startRevision(
    em: EntityManager,
    practice: Practice,
    published: PracticeVersion,
    caller: SignedInCaller,
  ): Promise<void> {
    const [last] = await em.find(PracticeVersion, { practice }, { orderBy: { number: 'desc' }, limit: 1 });
    const working = em.create(PracticeVersion, {
      practice: practice.id,
      number: (last?.number ?? published.number) + 1,
      content: structuredClone(published.content),
      createdBy: caller.user.id,
    });
    await em.persist(working).flush();
    await em.nativeUpdate(Practice, { id: practice.id }, { currentVersion: working.id });
  }

  async timeline(id: string, caller: Caller): Promise<WorkflowEventList> {
    const practice = await this.readable(id, caller);
    const items = await this.events.timeline(entityType, id);
    // Who acted (editors, in time reviewers) is for signed-in users; the public sees what happened.
    if (!caller.actor) return { items: items.map((event) => ({ ...event, actorId: null })) };
    // Under double-blind review the authors' own steps do not say who took them.
    if (authorHidden(practice, caller)) {
      return {
        items: items.map((event) =>
          (authorTransitions as readonly string[]).includes(event.transition)
            ? { ...event, actorId: null }
            : event,
        ),
      };
    }
    return { items };
  }

  private readable(id: string, caller: Caller): Promise<Practice> {
    return readablePractice(this.em, id, caller);
  }

  /** CASL decides who may fire a transition (action = transition name); the engine decides when. */
  private permit(practice: Practice, caller: Caller) {
    const subject = practiceSubject(practice);
    return (transition: PracticeTransition) => caller.ability.can(transition as Action, subject);
  }

  private current(practice: Practice): PracticeVersion {
    const current = practice.currentVersion?.unwrap();
    if (!current) throw new Error(`practice ${practice.id} has no current version`);
    return current;
  }

  private dto(practice: Practice, caller: Caller, current = this.current(practice)): PracticeDto {
    return toPracticeDto(practice, current, caller, practice.publishedVersion?.getEntity() ?? null);
  }
}

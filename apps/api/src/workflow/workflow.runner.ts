import type { EntityClass } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { FieldIssue } from '@pathways/contracts';
import { applyTransition, StaleRecordError, type WorkflowRecord } from '@pathways/persistence';
import { decide, type Permit, type Refusal, type WorkflowDefinition } from '@pathways/workflow';
import { conflict, DomainError, forbidden, staleVersion } from '../common/domain-error';

export type { WorkflowRecord };

export interface FireRequest<State extends string, Transition extends string, Context> {
  definition: WorkflowDefinition<State, Transition, Context>;
  entity: EntityClass<WorkflowRecord>;
  /** The name events are filed under, e.g. "Practice". */
  entityType: string;
  record: WorkflowRecord;
  transition: string;
  /** The version the caller saw. */
  version: number;
  context: Context;
  permit: Permit<Transition>;
  actorId: string | null;
  payload?: Record<string, unknown>;
  /** Field-level detail for a guard's refusal (e.g. the fields a submission still needs). */
  blockedIssues?: FieldIssue[];
  /**
   * What the input lacks for this transition (e.g. a decision's rationale): 400 naming the fields,
   * once the engine has found the transition allowed, so the refused learn nothing from it.
   */
  inputIssues?: FieldIssue[];
  /** Further changes that belong to the same transaction (e.g. freezing a submitted version). */
  alongside?: (em: EntityManager, transition: Transition) => Promise<void>;
}

const refusalError = (refusal: Refusal, blockedIssues?: FieldIssue[]): DomainError => {
  switch (refusal.kind) {
    case 'unknown_transition':
      return new DomainError(404, 'NOT_FOUND', refusal.message);
    case 'wrong_state':
    case 'not_applicable':
      return conflict('INVALID_STATE', refusal.message);
    case 'forbidden':
      return forbidden(refusal.message);
    case 'guard':
      return new DomainError(409, 'TRANSITION_BLOCKED', refusal.message, blockedIssues);
  }
};

/**
 * Fires a transition (DESIGN §4): the engine decides (state, CASL permit, guard), then one database
 * transaction changes the state only if nobody changed the record meanwhile, appends the chained
 * event and writes the effects to the outbox. Shared by every workflow-driven record.
 */
@Injectable()
export class WorkflowRunner {
  constructor(private readonly em: EntityManager) {}

  async fire<State extends string, Transition extends string, Context>(
    request: FireRequest<State, Transition, Context>,
  ): Promise<void> {
    const { record, definition } = request;
    if (record.version !== request.version) throw staleVersion(request.entityType.toLowerCase());
    const decision = decide(
      definition,
      record.status as State,
      request.transition,
      request.context,
      request.permit,
    );
    if (!decision.ok) throw refusalError(decision.refusal, request.blockedIssues);
    if (request.inputIssues?.length) {
      const fields = request.inputIssues.map((i) => i.path).join(', ');
      throw new DomainError(400, 'VALIDATION_FAILED', `Check these fields: ${fields}.`, request.inputIssues);
    }
    const transition = request.transition as Transition;

    await this.em
      .transactional(async (em) => {
        await applyTransition(em, {
          entity: request.entity,
          entityType: request.entityType,
          workflow: definition.name,
          record,
          transition,
          from: decision.from,
          to: decision.to,
          effects: decision.effects,
          actorId: request.actorId,
          payload: request.payload ?? null,
        });
        // Changes that belong with the state (e.g. freezing a submitted version) commit with it.
        await request.alongside?.(em, transition);
      })
      .catch((error: unknown) => {
        if (error instanceof StaleRecordError) throw staleVersion(request.entityType.toLowerCase());
        throw error;
      });
  }
}

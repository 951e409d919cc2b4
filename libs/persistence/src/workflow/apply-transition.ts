import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordTransition } from './record-transition';

/** A record a workflow drives: its state lives in `status`, guarded by an optimistic `version`. */
export interface WorkflowRecord {
  id: string;
  status: string;
  version: number;
}

/** Somebody moved the record since it was read; nothing was written. */
export class StaleRecordError extends Error {}

export interface AppliedTransition {
  entity: EntityClass<WorkflowRecord>;
  entityType: string;
  workflow: string;
  record: WorkflowRecord;
  transition: string;
  from: string;
  to: string;
  effects: readonly string[];
  actorId: string | null;
  payload?: Record<string, unknown> | null;
}

/**
 * Applies a transition the engine allowed, inside the caller's transaction: the state changes only
 * if nobody changed the record meanwhile, then the chained event and the outbox rows are written.
 * The API (people) and the worker (timers) both go through here.
 */
export async function applyTransition(em: EntityManager, change: AppliedTransition): Promise<void> {
  const { record } = change;
  // The WHERE clause is the optimistic check: a concurrent transition already moved the row.
  const changed = await em.nativeUpdate(
    change.entity,
    { id: record.id, version: record.version, status: change.from },
    { status: change.to, version: record.version + 1, updatedAt: new Date() } as never,
  );
  if (changed !== 1) throw new StaleRecordError(`${change.entityType} ${record.id} changed meanwhile`);
  await recordTransition(em, {
    workflow: change.workflow,
    entityType: change.entityType,
    entityId: record.id,
    transition: change.transition,
    fromState: change.from,
    toState: change.to,
    actorId: change.actorId,
    payload: change.payload ?? null,
    effects: change.effects,
  });
}

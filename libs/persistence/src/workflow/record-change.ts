import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { WorkflowEvent } from '../entities/workflow-event.entity';
import type { WorkflowRecord } from './apply-transition';
import { recordTransition } from './record-transition';

export interface ChangeRecord {
  entity: EntityClass<WorkflowRecord>;
  entityType: string;
  workflow: string;
  entityId: string;
  /** What changed, e.g. "edit"; not a transition of the workflow. */
  change: string;
  actorId: string | null;
  payload?: Record<string, unknown> | null;
}

/**
 * Appends a change that leaves the record's state as it is (from and to its current state) to its
 * chain, inside the caller's transaction. The record's row is locked first: concurrent appends take
 * turns for the next sequence instead of one losing to the unique index, and a transition, whose
 * UPDATE takes the same lock, cannot slip in between. Changes of state go through applyTransition.
 */
export async function recordChange(em: EntityManager, change: ChangeRecord): Promise<WorkflowEvent> {
  const table = em.getMetadata().get(change.entity.name).tableName;
  const [row] = await em.execute<{ status: string }[]>(
    `select status from "${table}" where id = ? for update`,
    [change.entityId],
  );
  if (!row) throw new Error(`${change.entityType} ${change.entityId} does not exist`);
  return recordTransition(em, {
    workflow: change.workflow,
    entityType: change.entityType,
    entityId: change.entityId,
    transition: change.change,
    fromState: row.status,
    toState: row.status,
    actorId: change.actorId,
    payload: change.payload ?? null,
  });
}

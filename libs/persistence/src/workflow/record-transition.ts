import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxMessage } from '../entities/outbox-message.entity';
import { WorkflowEvent } from '../entities/workflow-event.entity';
import { eventHash } from './event-hash';

export interface TransitionRecord {
  workflow: string;
  entityType: string;
  entityId: string;
  transition: string;
  fromState: string;
  toState: string;
  actorId: string | null;
  payload?: Record<string, unknown> | null;
  /** Effects from the definition, named "<queue>.<job>"; each becomes an outbox row. */
  effects?: readonly string[];
}

/**
 * Appends the event (chained to the record's previous one) and its outbox rows. Call it inside the
 * transaction that changes the record's state, so the change, its log and its work commit together.
 */
export async function recordTransition(em: EntityManager, record: TransitionRecord): Promise<WorkflowEvent> {
  const last = await em.findOne(
    WorkflowEvent,
    { entityType: record.entityType, entityId: record.entityId },
    { orderBy: { sequence: 'desc' } },
  );
  const fields = {
    workflow: record.workflow,
    entityType: record.entityType,
    entityId: record.entityId,
    sequence: (last?.sequence ?? 0) + 1,
    transition: record.transition,
    fromState: record.fromState,
    toState: record.toState,
    actorId: record.actorId,
    payload: record.payload ?? null,
    createdAt: new Date(),
  };
  const prevHash = last?.hash ?? null;
  const event = em.create(WorkflowEvent, { ...fields, prevHash, hash: eventHash(prevHash, fields) });
  for (const effect of record.effects ?? []) {
    const [queue, jobName] = effect.split('.', 2);
    if (!queue || !jobName) throw new Error(`Effect "${effect}" must be named <queue>.<job>`);
    em.create(OutboxMessage, {
      queue,
      jobName,
      payload: {
        eventId: event.id,
        entityType: record.entityType,
        entityId: record.entityId,
        transition: record.transition,
      },
    });
  }
  return event;
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowEvent } from '../entities/workflow-event.entity';
import { eventHash } from '../workflow/event-hash';

export interface PublicationStep {
  transition: string;
  fromState: string;
  toState: string;
  versionNumber: number;
  comment?: string;
  /** When it happened; now by default. */
  at?: Date;
}

/**
 * Appends a practice's workflow event, chained like the engine's, for tests that need a log (the
 * library follows the log) without walking the whole review. It flushes the entity manager.
 */
export async function appendPracticeEvent(
  em: EntityManager,
  practiceId: string,
  step: PublicationStep,
): Promise<WorkflowEvent> {
  const last = await em.findOne(
    WorkflowEvent,
    { entityType: 'Practice', entityId: practiceId },
    { orderBy: { sequence: 'desc' } },
  );
  const fields = {
    workflow: 'practice',
    entityType: 'Practice',
    entityId: practiceId,
    sequence: (last?.sequence ?? 0) + 1,
    transition: step.transition,
    fromState: step.fromState,
    toState: step.toState,
    actorId: null,
    payload: { versionNumber: step.versionNumber, ...(step.comment ? { comment: step.comment } : {}) },
    createdAt: step.at ?? new Date(),
  };
  const prevHash = last?.hash ?? null;
  const event = em.create(WorkflowEvent, { ...fields, prevHash, hash: eventHash(prevHash, fields) });
  await em.flush();
  return event;
}

/** The log of a publication of version `versionNumber`. */
export const appendPublication = (em: EntityManager, practiceId: string, versionNumber: number, at?: Date) =>
  appendPracticeEvent(em, practiceId, {
    transition: 'publish',
    fromState: 'accepted',
    toState: 'published',
    versionNumber,
    at,
  });

/** The log of a retraction with the editor's comment. */
export const appendRetraction = (
  em: EntityManager,
  practiceId: string,
  versionNumber: number,
  comment?: string,
  at?: Date,
) =>
  appendPracticeEvent(em, practiceId, {
    transition: 'retract',
    fromState: 'published',
    toState: 'retracted',
    versionNumber,
    comment,
    at,
  });

/**
 * The log a practice in `status` would have behind it: a publication of version 1 when published,
 * and a retraction after it when retracted; nothing otherwise (never in the library).
 */
export async function appendPublicationLog(
  em: EntityManager,
  practiceId: string,
  status: string,
  at?: Date,
): Promise<void> {
  if (status !== 'published' && status !== 'retracted') return;
  await appendPublication(em, practiceId, 1, at);
  if (status === 'retracted') await appendRetraction(em, practiceId, 1, 'Retracted by the editors.', at);
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { Pilot, recordChange, type WorkflowEvent } from '@pathways/persistence';
import { type PilotChangeEvent, pilotWorkflow } from '@pathways/workflow';

export const pilotEntityType = 'Pilot';

/**
 * Files a change of the pilot that leaves its state as it is (an edit, an invitation, a milestone,
 * a report) on the pilot's chain, in the caller's transaction, so the change and its event commit
 * together or not at all. The pilot's row is locked until then: concurrent changes take turns.
 */
export const recordPilotChange = (
  em: EntityManager,
  pilotId: string,
  change: PilotChangeEvent,
  actorId: string,
  payload: Record<string, unknown> = {},
): Promise<WorkflowEvent> =>
  recordChange(em, {
    entity: Pilot,
    entityType: pilotEntityType,
    workflow: pilotWorkflow.name,
    entityId: pilotId,
    change,
    actorId,
    payload,
  });

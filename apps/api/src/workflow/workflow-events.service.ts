import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { ChainVerification, WorkflowEventDto } from '@pathways/contracts';
import { verifyChain, WorkflowEvent } from '@pathways/persistence';

export const toEventDto = (event: WorkflowEvent): WorkflowEventDto => ({
  id: event.id,
  sequence: event.sequence,
  transition: event.transition,
  fromState: event.fromState,
  toState: event.toState,
  actorId: event.actorId,
  comment: typeof event.payload?.comment === 'string' ? event.payload.comment : null,
  createdAt: event.createdAt.toISOString(),
  workflow: event.workflow,
  subject: null,
  detail: null,
});

@Injectable()
export class WorkflowEventsService {
  constructor(private readonly em: EntityManager) {}

  private load(entityType: string, entityId: string): Promise<WorkflowEvent[]> {
    return this.em.find(
      WorkflowEvent,
      { entityType, entityId },
      { orderBy: { sequence: 'asc' }, refresh: true },
    );
  }

  /** The events of several records of one type, each chain in order; callers check first that they are visible. */
  chains(entityType: string, entityIds: readonly string[]): Promise<WorkflowEvent[]> {
    if (!entityIds.length) return Promise.resolve([]);
    return this.em.find(
      WorkflowEvent,
      { entityType, entityId: { $in: [...entityIds] } },
      { orderBy: [{ createdAt: 'asc' }, { entityId: 'asc' }, { sequence: 'asc' }], refresh: true },
    );
  }

  /** The timeline of a record; callers check first that the record is visible. */
  async timeline(entityType: string, entityId: string): Promise<WorkflowEventDto[]> {
    return (await this.load(entityType, entityId)).map(toEventDto);
  }

  async verify(entityType: string, entityId: string): Promise<ChainVerification> {
    return verifyChain(await this.load(entityType, entityId));
  }
}

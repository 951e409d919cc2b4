import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditEvent } from '@pathways/persistence';
import type { Caller } from '../access/caller';

/** Records who did what; persisted with the caller's next flush, inside the same transaction. */
@Injectable()
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  record(
    caller: Pick<Caller, 'user' | 'requestId'>,
    action: string,
    subject: { type: string; id: string },
    data: Record<string, unknown> | null = null,
    em: EntityManager = this.em,
  ): void {
    em.create(AuditEvent, {
      actorId: caller.user?.id ?? null,
      action,
      subjectType: subject.type,
      subjectId: subject.id,
      data,
      requestId: caller.requestId,
    });
  }
}

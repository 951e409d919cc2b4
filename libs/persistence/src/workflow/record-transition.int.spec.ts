import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxMessage, WorkflowEvent } from '../entities';
import { ormConfig } from '../orm.config';
import { createTestDatabase, type TestDatabase } from '../testing';
import { verifyChain } from './event-hash';
import { recordTransition } from './record-transition';

describe('recordTransition', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, poolMax: 4 }));
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  const step = (
    entityId: string,
    transition: string,
    fromState: string,
    toState: string,
    effects: string[] = [],
  ) =>
    orm.em.fork().transactional((em) =>
      recordTransition(em, {
        workflow: 'practice',
        entityType: 'Practice',
        entityId,
        transition,
        fromState,
        toState,
        actorId: randomUUID(),
        payload: { note: `${transition} ✓`, nested: { b: 2, a: 1 } },
        effects,
      }),
    );
  const log = (entityId: string) =>
    orm.em.fork().find(WorkflowEvent, { entityType: 'Practice', entityId }, { orderBy: { sequence: 'asc' } });

  it('chains each event to the previous one and writes one outbox row per effect, in the same transaction', async () => {
    const id = randomUUID();
    await step(id, 'submit', 'draft', 'submitted', ['notifications.practice-submitted']);
    await step(id, 'start_screening', 'submitted', 'screening');
    await step(id, 'desk_reject', 'screening', 'rejected', ['notifications.practice-decided']);

    const events = await log(id);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(events[1].prevHash).toBe(events[0].hash);
    expect(verifyChain(events)).toEqual({ valid: true, events: 3 });

    const outbox = await orm.em
      .fork()
      .find(OutboxMessage, { payload: { entityId: id } }, { orderBy: { createdAt: 'asc' } });
    expect(outbox.map((m) => `${m.queue}.${m.jobName}`)).toEqual([
      'notifications.practice-submitted',
      'notifications.practice-decided',
    ]);
    expect(outbox[0].payload).toMatchObject({ eventId: events[0].id, transition: 'submit' });
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const id = randomUUID();
    await expect(
      orm.em.fork().transactional(async (em) => {
        await recordTransition(em, {
          workflow: 'practice',
          entityType: 'Practice',
          entityId: id,
          transition: 'submit',
          fromState: 'draft',
          toState: 'submitted',
          actorId: null,
          effects: ['notifications.practice-submitted'],
        });
        await em.flush();
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await log(id)).toEqual([]);
    expect(await orm.em.fork().count(OutboxMessage, { payload: { entityId: id } })).toBe(0);
  });

  it('finds where the log was tampered with', async () => {
    const id = randomUUID();
    await step(id, 'submit', 'draft', 'submitted');
    await step(id, 'start_screening', 'submitted', 'screening');
    await step(id, 'send_to_review', 'screening', 'in_review');
    await orm.em
      .fork()
      .getConnection()
      .execute(`update workflow_event set to_state = 'accepted' where entity_id = ? and sequence = 2`, [id]);
    expect(verifyChain(await log(id))).toMatchObject({ valid: false, brokenAt: 2 });

    await orm.em
      .fork()
      .getConnection()
      .execute(`delete from workflow_event where entity_id = ? and sequence = 1`, [id]);
    expect(verifyChain(await log(id))).toMatchObject({
      valid: false,
      brokenAt: 1,
      reason: 'an event is missing',
    });
  });
});

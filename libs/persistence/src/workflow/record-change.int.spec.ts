import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organisation, Pilot, WorkflowEvent } from '../entities';
import { ormConfig } from '../orm.config';
import { createTestDatabase, type TestDatabase } from '../testing';
import { applyTransition } from './apply-transition';
import { verifyChain } from './event-hash';
import { recordChange } from './record-change';

describe('recordChange', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, poolMax: 8 }));
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  const newPilot = async (status: Pilot['status'] = 'active') => {
    const em = orm.em.fork();
    const tag = randomBytes(4).toString('hex');
    const lead = em.create(Organisation, { name: `Lead ${tag}`, kind: 'government', status: 'verified' });
    const pilot = em.create(Pilot, { slug: `pilot-${tag}`, leadOrganisation: lead, status });
    await em.flush();
    return pilot;
  };
  const change = (pilotId: string, name: string, payload: Record<string, unknown> = {}) =>
    orm.em.fork().transactional((em) =>
      recordChange(em, {
        entity: Pilot,
        entityType: 'Pilot',
        workflow: 'pilot',
        entityId: pilotId,
        change: name,
        actorId: null,
        payload,
      }),
    );
  const log = (entityId: string) =>
    orm.em.fork().find(WorkflowEvent, { entityType: 'Pilot', entityId }, { orderBy: { sequence: 'asc' } });

  it("files the change at the record's current state, chained like a transition", async () => {
    const pilot = await newPilot('forming');
    await change(pilot.id, 'edit');
    await change(pilot.id, 'invite', { organisationId: pilot.leadOrganisation.id });
    const events = await log(pilot.id);
    expect(events.map((e) => [e.sequence, e.transition, e.fromState, e.toState])).toEqual([
      [1, 'edit', 'forming', 'forming'],
      [2, 'invite', 'forming', 'forming'],
    ]);
    expect(events[1].payload).toEqual({ organisationId: pilot.leadOrganisation.id });
    expect(verifyChain(events)).toEqual({ valid: true, events: 2 });
  });

  it('lets concurrent appends, and a transition among them, take turns for the next sequence', async () => {
    const pilot = await newPilot('active');
    const transition = orm.em.fork().transactional(async (em) => {
      const record = await em.findOneOrFail(Pilot, { id: pilot.id });
      await applyTransition(em, {
        entity: Pilot,
        entityType: 'Pilot',
        workflow: 'pilot',
        record,
        transition: 'complete',
        from: 'active',
        to: 'completed',
        effects: [],
        actorId: null,
      });
    });
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => change(pilot.id, 'add_milestone', { title: `M${i}` })),
      transition,
    ]);
    const events = await log(pilot.id);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.filter((e) => e.transition === 'add_milestone')).toHaveLength(5);
    expect(verifyChain(events)).toEqual({ valid: true, events: 6 });
    // Each change tells the state it found: active before the completion, completed after it.
    const completedAt = events.findIndex((e) => e.transition === 'complete');
    for (const [index, event] of events.entries())
      if (event.transition !== 'complete')
        expect(event.toState).toBe(index < completedAt ? 'active' : 'completed');
  });

  it('refuses a record that does not exist', async () => {
    await expect(change('00000000-0000-4000-8000-000000000000', 'edit')).rejects.toThrow(/does not exist/);
  });
});

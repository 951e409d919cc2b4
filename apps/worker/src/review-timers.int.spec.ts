import { MikroORM } from '@mikro-orm/postgresql';
import {
  Organisation,
  ormConfig,
  OutboxMessage,
  Practice,
  PracticeVersion,
  ReviewAssignment,
  User,
  verifyChain,
  WorkflowEvent,
} from '@pathways/persistence';
import { createTestDatabase, type TestDatabase } from '@pathways/persistence/testing';
import {
  createTestRedisPrefix,
  QueueName,
  QueueProducer,
  redisConnectionOptions,
  ReminderJob,
} from '@pathways/queues';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerApp } from './worker.app';
import { parseWorkerConfig } from './worker.config';
import { createWorkerLogger } from './worker.logger';

const t = createTestRedisPrefix();
let db: TestDatabase;
let orm: MikroORM;
let app: Awaited<ReturnType<typeof createWorkerApp>> | undefined;
let producer: QueueProducer;
let events: QueueEvents;

/** An invitation whose answer-by date is `respondBy`, in the given state. */
async function invitation(respondBy: Date, status: ReviewAssignment['status'] = 'invited'): Promise<string> {
  const em = orm.em.fork();
  const reviewer = em.create(User, {
    email: `r${Math.random()}@example.org`,
    name: 'Rosa',
    passwordHash: 'x',
    roles: ['partner', 'reviewer'],
  });
  const org = em.create(Organisation, {
    name: `Ministry ${Math.random()}`,
    kind: 'government',
    country: 'PH',
    status: 'verified',
  });
  const practice = em.create(Practice, {
    slug: `p-${Math.random().toString(36).slice(2)}`,
    organisation: org,
    status: 'in_review',
  });
  const version = em.create(PracticeVersion, {
    practice,
    number: 1,
    content: { title: 'T' },
    submittedAt: new Date(),
  });
  const assignment = em.create(ReviewAssignment, {
    practice,
    practiceVersion: version,
    reviewer,
    respondBy,
    status,
  });
  await em.flush();
  return assignment.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, poolMax: 2 }));
  producer = new QueueProducer({ connection: redisConnectionOptions(t.url), prefix: t.prefix });
  events = new QueueEvents(QueueName.Reminders, {
    connection: redisConnectionOptions(t.url, 'worker'),
    prefix: t.prefix,
  });
  await events.waitUntilReady();
  app = await createWorkerApp(
    parseWorkerConfig({
      DATABASE_URL: db.url,
      REDIS_URL: t.url,
      REDIS_PREFIX: t.prefix,
      HEARTBEAT_INTERVAL_MS: '3600000',
    }),
    { logger: createWorkerLogger('silent') },
  );
});

afterAll(async () => {
  await app?.close();
  await Promise.all([producer?.close(), events?.close()]);
  await orm?.close();
  await t.drop();
  await db?.drop();
});

const expire = async (assignmentId: string) => {
  const job = await producer.add(QueueName.Reminders, ReminderJob.ExpireInvitation, { assignmentId });
  return job.waitUntilFinished(events, 15_000);
};

describe('invitation expiry', () => {
  it('expires an unanswered invitation when its time is up, with a chained event and a backup request', async () => {
    const id = await invitation(new Date(Date.now() - 1000));
    expect(await expire(id)).toEqual({ done: 'expired' });
    const em = orm.em.fork();
    expect((await em.findOneOrFail(ReviewAssignment, id)).status).toBe('expired');
    const log = await em.find(WorkflowEvent, { entityId: id }, { orderBy: { sequence: 'asc' } });
    expect(log.map((e) => [e.transition, e.actorId])).toEqual([['expire', null]]);
    expect(verifyChain(log)).toEqual({ valid: true, events: 1 });
    expect(
      await em.count(OutboxMessage, { queue: 'review', jobName: 'invite-backup', payload: { entityId: id } }),
    ).toBe(1);
  });

  it('leaves alone an invitation that is still open or was answered meanwhile', async () => {
    const open = await invitation(new Date(Date.now() + 86_400_000));
    expect(await expire(open)).toEqual({ skipped: 'the invitation is still open' });
    const answered = await invitation(new Date(Date.now() - 1000), 'accepted');
    expect(await expire(answered)).toEqual({ skipped: 'the invitation is accepted' });
    const em = orm.em.fork();
    expect((await em.findOneOrFail(ReviewAssignment, open)).status).toBe('invited');
    expect((await em.findOneOrFail(ReviewAssignment, answered)).status).toBe('accepted');
  });
});

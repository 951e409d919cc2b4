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
import { QueueName, ReminderJob } from '@pathways/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorker, type TestWorker } from './testing/test-worker';

let orm: MikroORM;
let worker: TestWorker;

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
  worker = await startTestWorker(QueueName.Reminders);
  orm = await MikroORM.init(ormConfig({ databaseUrl: worker.db.url, poolMax: 2 }));
});

afterAll(async () => {
  await orm?.close();
  await worker?.close();
});

const expire = async (assignmentId: string) => {
  const job = await worker.producer.add(QueueName.Reminders, ReminderJob.ExpireInvitation, { assignmentId });
  return job.waitUntilFinished(worker.events, 15_000);
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

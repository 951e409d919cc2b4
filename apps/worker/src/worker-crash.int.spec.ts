import { MikroORM } from '@mikro-orm/postgresql';
import {
  applyTransition,
  EmailDelivery,
  inviteReviewer,
  loadReviewPolicy,
  Notification,
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
  queueNames,
  QueueProducer,
  redisConnectionOptions,
  type TestRedisPrefix,
} from '@pathways/queues';
import { decide, practiceWorkflow } from '@pathways/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeEmailKey } from './notice.sender';
import { builtScript, type NodeProcess, startNode } from './testing/processes';
import { type ReviewScene, seedReviewScene, waitFor } from './testing/review-scene';
import { mailKey, type SmtpCapture, startSmtpCapture } from './testing/smtp-capture';

/**
 * The built worker, as a real process, is killed with SIGKILL in the middle of sending e-mails
 * (DESIGN §6, issue 3 reliability). After a restart every notice arrives exactly once, every outbox
 * row is relayed and every transition the worker had to fire is in the event log.
 */
let db: TestDatabase;
let redis: TestRedisPrefix;
let smtp: SmtpCapture;
let orm: MikroORM;
let scene: ReviewScene;
let producer: QueueProducer;
const workers: NodeProcess[] = [];
const em = () => orm.em.fork();
const PRACTICES = 8;

/** Jobs waiting, running or delayed in the review workflow's queues (the heartbeat's schedule aside). */
async function queuedJobs(): Promise<number> {
  let total = 0;
  for (const name of queueNames.filter((q) => q !== QueueName.Heartbeat)) {
    const counts = await producer.queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    total += Object.values(counts).reduce((a, b) => a + b, 0);
  }
  return total;
}

const startWorker = async (id: string) => {
  const worker = await startNode(
    builtScript('worker'),
    {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      SMTP_URL: smtp.url,
      DAY_SECONDS: '1',
      JOB_LOCK_MS: '2000',
      OUTBOX_POLL_MS: '100',
      HEARTBEAT_INTERVAL_MS: '3600000',
      LOG_LEVEL: 'info',
      WORKER_ID: id,
    },
    /"msg":"worker ready"/,
  );
  workers.push(worker);
  return worker;
};

beforeAll(async () => {
  builtScript('worker');
  db = await createTestDatabase();
  redis = createTestRedisPrefix();
  producer = new QueueProducer({ connection: redisConnectionOptions(redis.url), prefix: redis.prefix });
  smtp = await startSmtpCapture();
  orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, poolMax: 4 }));
  scene = await seedReviewScene(em());
  const tx = em();
  const { organisation } = await tx.findOneOrFail(Practice, { id: scene.practiceId });
  for (let i = 1; i <= PRACTICES; i += 1) {
    const practice = tx.create(Practice, {
      slug: `draft-${i}-${scene.practiceId}`,
      organisation,
      createdBy: scene.author,
    });
    const version = tx.create(PracticeVersion, { practice, number: 1, content: { title: `Practice ${i}` } });
    practice.currentVersion = version as never;
  }
  await tx.flush();
});

afterAll(async () => {
  for (const worker of workers) await worker.stop('SIGKILL');
  await orm?.close();
  await smtp?.close();
  await producer?.close();
  await redis?.drop();
  await db?.drop();
});

/** What the API does on submit: the state change, its chained event and its outbox row, in one transaction. */
async function submit(practiceId: string): Promise<void> {
  const tx = em();
  const practice = await tx.findOneOrFail(Practice, { id: practiceId });
  const decision = decide(
    practiceWorkflow,
    practice.status,
    'submit',
    {
      missingFields: [],
      activeReviewers: 0,
      reviewsSubmitted: 0,
      reviewsRequired: 3,
      hasPublishedVersion: false,
      unEntityReviewerPresent: false,
    },
    () => true,
  );
  if (!decision.ok) throw new Error(decision.refusal.message);
  await tx.transactional((t) =>
    applyTransition(t, {
      entity: Practice,
      entityType: 'Practice',
      workflow: practiceWorkflow.name,
      record: practice,
      transition: 'submit',
      from: decision.from,
      to: decision.to,
      effects: decision.effects,
      actorId: scene.author.id,
    }),
  );
}

describe('worker killed while it sends notifications', () => {
  it(
    'delivers every e-mail exactly once after a restart, relays every outbox row and loses no transition',
    { timeout: 120_000 },
    async () => {
      const first = await startWorker('crash-1');
      // The 10th e-mail's DATA arrives: kill the worker before the server answers 250, in the middle of
      // an SMTP transaction whose mail-log row is locked in an open database transaction.
      let seen = 0;
      let killed = false;
      smtp.accept = async () => {
        seen += 1;
        if (seen !== 10) return true;
        first.child.kill('SIGKILL');
        await first.exited;
        killed = true;
        return false;
      };

      for (const practice of await em().find(Practice, { status: 'draft' })) await submit(practice.id);
      // Three invitations whose window (7 policy days of 1 s) is over: the worker expires them and
      // invites backups, who are told and then expire in their turn.
      const tx = em();
      const practice = await tx.findOneOrFail(
        Practice,
        { id: scene.practiceId },
        { populate: ['organisation', 'currentVersion'] },
      );
      const policy = await loadReviewPolicy(tx);
      for (const name of ['research', 'rights', 'un'] as const) {
        const reviewer = await tx.findOneOrFail(User, { id: scene.reviewers[name].id });
        inviteReviewer(tx, {
          practice,
          reviewer,
          invitedBy: scene.editors[0],
          origin: 'editor',
          policy,
          daySeconds: 1,
          now: new Date(Date.now() - 30_000),
        });
      }
      await tx.flush();

      await waitFor(async () => killed, 'the worker to be killed mid-send');
      expect(await first.exited).toBeNull(); // ended by a signal, not an exit code
      expect(first.child.signalCode).toBe('SIGKILL');
      await startWorker('crash-2');

      // Done when the queues are idle and the deterministic part has happened: 8 submissions ×
      // (2 editors + 1 author); 3 expiries, 3 backups, who expire in their turn and find nobody
      // left to invite (× 2 editors). The three first invitations may expire before their notice
      // goes out, which then rightly says nothing.
      const state = async () => ({
        practiceNotices: await em().count(Notification, {
          kind: { $in: ['submitted_to_editors', 'submitted_to_authors'] },
        }),
        noReviewerLeft: await em().count(Notification, { kind: 'no_reviewer_left' }),
        expired: await em().count(ReviewAssignment, { status: 'expired' }),
        backups: await em().count(ReviewAssignment, { origin: 'backup' }),
        pending: await em().count(OutboxMessage, { relayedAt: null }),
        unsent: (await em().count(Notification, {})) - (await em().count(EmailDelivery, { status: 'sent' })),
        queued: await queuedJobs(),
      });
      const done = {
        practiceNotices: PRACTICES * 3,
        noReviewerLeft: 3 * 2,
        expired: 6,
        backups: 3,
        pending: 0,
        unsent: 0,
        queued: 0,
      };
      await waitFor(
        async () => JSON.stringify(await state()) === JSON.stringify(done),
        'every notice, e-mail and expiry',
        90_000,
      ).catch(async (error: Error) => {
        const problems = workers.map((w) =>
          w
            .output()
            .split('\n')
            .filter((line) => /"level":(40|50|60)/.test(line))
            .slice(-20)
            .join('\n'),
        );
        const now = JSON.stringify(await state());
        throw new Error(
          `${error.message}: ${now}, expected ${JSON.stringify(done)}\n${problems.join('\n---\n')}`,
        );
      });
      await new Promise((r) => setTimeout(r, 1_000)); // anything extra would show up now

      const notices = await em().find(Notification, {});
      const keys = notices.map((n) => noticeEmailKey(n, n.recipient.id)).sort();
      const received = smtp.received.map(mailKey).sort();
      expect(received).toEqual(keys); // each notice's e-mail, exactly once
      expect(seen).toBe(received.length + 1); // the one refused as the worker died was sent again
      expect(new Set(received).size).toBe(notices.length);
      expect((await em().find(EmailDelivery, {})).map((d) => d.key).sort()).toEqual(keys);
      // The backups were told before their own invitation ran out.
      for (const backup of await em().find(ReviewAssignment, { origin: 'backup' })) {
        expect(await em().count(Notification, { kind: 'review_invited', sourceId: backup.id })).toBe(1);
      }
      expect(await em().count(OutboxMessage, { relayedAt: null })).toBe(0);

      const submitted = await em().count(WorkflowEvent, { entityType: 'Practice', transition: 'submit' });
      expect(submitted).toBe(PRACTICES);
      const expiries = await em().find(WorkflowEvent, { transition: 'expire' });
      expect(expiries).toHaveLength(6);
      expect(expiries.every((e) => e.actorId === null)).toBe(true);
      for (const assignment of await em().find(ReviewAssignment, {})) {
        const log = await em().find(
          WorkflowEvent,
          { entityId: assignment.id },
          { orderBy: { sequence: 'asc' } },
        );
        expect(verifyChain(log)).toEqual({ valid: true, events: 1 });
      }
    },
  );
});

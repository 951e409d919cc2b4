import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import type { SessionGrant } from '@pathways/contracts';
import {
  Membership,
  Notification,
  Organisation,
  ormConfig,
  OutboxMessage,
  ReviewAssignment,
  User,
} from '@pathways/persistence';
import { createTestDatabase, type TestDatabase } from '@pathways/persistence/testing';
import { QueueName, QueueProducer, redisConnectionOptions, reviewTimerIds } from '@pathways/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeEmailKey } from './notice.sender';
import { completePracticeContent, completeReview as fullReview } from '@pathways/contracts/testing';
import {
  builtScript,
  freePort,
  type NodeProcess,
  type RedisServer,
  startNode,
  startRedisServer,
} from './testing/processes';
import { waitFor } from './testing/review-scene';
import { mailKey, type SmtpCapture, startSmtpCapture } from './testing/smtp-capture';

/**
 * Redis goes away while people work (issue 3 reliability): the built API and worker run as real
 * processes on a private redis-server, which the test stops. Transitions still commit, their work
 * waits in the outbox, and once Redis is back the relay delivers all of it.
 */
const complete = completePracticeContent;
let redis: RedisServer;
let db: TestDatabase;
let smtp: SmtpCapture;
let orm: MikroORM;
let api: NodeProcess;
let worker: NodeProcess;
let producer: QueueProducer;
let baseUrl: string;
const attachments = mkdtempSync(join(tmpdir(), 'pw-attachments-'));
const prefix = `pw_t_${randomBytes(6).toString('hex')}`;
const em = () => orm.em.fork();

async function call(method: string, path: string, token?: string, body?: object) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A new account through the API, given platform roles in the database, member of a verified organisation. */
async function person(
  name: string,
  roles: User['roles'],
  org?: [string, Organisation['kind'], string | null],
): Promise<{ token: string; id: string; email: string; organisationId?: string }> {
  const email = `${name.toLowerCase()}.${randomBytes(3).toString('hex')}@example.org`;
  const signup = await call('POST', '/api/auth/register', undefined, {
    email,
    name,
    password: `correct horse ${randomBytes(4).toString('hex')}`,
  });
  if (signup.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(signup.body)}`);
  const grant = signup.body as SessionGrant;
  const tx = em();
  await tx.nativeUpdate(User, { id: grant.user.id }, { roles: ['partner', ...roles] });
  let organisationId: string | undefined;
  if (org) {
    const organisation = tx.create(Organisation, {
      name: org[0],
      kind: org[1],
      country: org[2],
      status: 'verified',
    });
    tx.create(Membership, { user: grant.user.id, organisation, role: 'focal_point', status: 'active' });
    await tx.flush();
    organisationId = organisation.id;
  }
  return { token: grant.token, id: grant.user.id, email, organisationId };
}

beforeAll(async () => {
  const [apiScript, workerScript] = [builtScript('api'), builtScript('worker')];
  redis = await startRedisServer();
  db = await createTestDatabase();
  smtp = await startSmtpCapture();
  orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, poolMax: 4 }));
  producer = new QueueProducer({ connection: redisConnectionOptions(redis.url), prefix });
  const shared = {
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix,
    DAY_SECONDS: '60',
    LOG_LEVEL: 'info',
  };
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  api = await startNode(
    apiScript,
    {
      ...shared,
      NODE_ENV: 'test',
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      ATTACHMENTS_DIR: attachments,
    },
    async () => (await fetch(`${baseUrl}/health/live`)).ok,
  );
  worker = await startNode(
    workerScript,
    {
      ...shared,
      SMTP_URL: smtp.url,
      OUTBOX_POLL_MS: '100',
      JOB_LOCK_MS: '2000',
      HEARTBEAT_INTERVAL_MS: '3600000',
      WORKER_ID: 'outage',
    },
    /"msg":"worker ready"/,
  );
});

afterAll(async () => {
  await worker?.stop('SIGKILL');
  await api?.stop('SIGKILL');
  await producer?.close();
  await orm?.close();
  await smtp?.close();
  await redis?.destroy();
  await db?.drop();
  rmSync(attachments, { recursive: true, force: true });
});

describe('Redis stops while people work', () => {
  it(
    'commits every transition, keeps its work in the outbox, and relays all of it once Redis is back',
    { timeout: 120_000 },
    async () => {
      const editor = await person('Elena', ['editor']);
      const author = await person('Maria', [], ['Department of Migrant Workers', 'government', 'PH']);
      const un = await person('Uma', ['reviewer'], ['UN Women', 'un_entity', null]);
      const research = await person('Rita', ['reviewer'], ['Research Institute', 'research', 'MX']);
      const rights = await person('Rosa', ['reviewer'], ['Rights Network', 'civil_society', 'ES']);
      const backup = await person('Nia', ['reviewer'], ['Nairobi Rights Centre', 'civil_society', 'KE']);
      const draft = await call('POST', '/api/practices', author.token, {
        organisationId: author.organisationId,
        content: complete,
      });
      expect(draft.status).toBe(201);
      const practiceId: string = draft.body.id;
      let version: number = draft.body.version;
      const fire = async (transition: string, token: string) => {
        const response = await call('POST', `/api/practices/${practiceId}/transitions/${transition}`, token, {
          version,
        });
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        version = response.body.version;
      };

      await redis.stop();

      // Everyone goes on working; nothing they do needs Redis.
      await fire('submit', author.token);
      await fire('start_screening', editor.token);
      const assignments: Record<string, { id: string; version: number }> = {};
      for (const [name, reviewer] of Object.entries({ un, research, rights })) {
        const invited = await call('POST', `/api/practices/${practiceId}/review-assignments`, editor.token, {
          reviewerId: reviewer.id,
        });
        expect(invited.status, JSON.stringify(invited.body)).toBe(201);
        assignments[name] = invited.body;
      }
      await fire('send_to_review', editor.token);
      const answer = async (name: string, token: string, transition: string, body: object = {}) => {
        const { id, version: v } = assignments[name];
        const response = await call(
          'POST',
          `/api/review-assignments/${id}/transitions/${transition}`,
          token,
          {
            version: v,
            ...body,
          },
        );
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        assignments[name] = response.body;
      };
      await answer('research', research.token, 'accept', { conflictDeclaration: 'none' });
      await answer('rights', rights.token, 'decline');
      await answer('research', research.token, 'submit', { review: fullReview });

      // submit, 3 × (invitation notice + expiry), accept, decline, submit review: all waiting.
      const pending = await em().find(OutboxMessage, { relayedAt: null });
      expect(pending.map((o) => `${o.queue}.${o.jobName}`).sort()).toEqual(
        [
          'notifications.practice-submitted',
          ...Array(3).fill('notifications.review-invited'),
          ...Array(3).fill('reminders.expire-invitation'),
          'reminders.schedule-review-reminders',
          'review.invite-backup',
          'review.check-panel',
        ].sort(),
      );
      // The worker tried, and says why it could not.
      const tried = await waitFor(
        async () => (await em().find(OutboxMessage, { attempts: { $gt: 0 } }))[0],
        'a failed relay attempt',
      );
      expect(tried.relayedAt).toBeNull();
      expect(tried.lastError).toBeTruthy();

      await redis.start();

      await waitFor(
        async () => (await em().count(OutboxMessage, { relayedAt: null })) === 0,
        'the relay',
        60_000,
      );
      // Every row became its job (job id = row id), and each ran or waits for its time.
      for (const row of await em().find(OutboxMessage, {})) {
        const state = await waitFor(async () => {
          const s = await (await producer.queue(row.queue as QueueName).getJob(row.id))?.getState();
          return s === 'completed' || (s === 'delayed' && row.jobName === 'expire-invitation') ? s : null;
        }, `${row.queue}/${row.jobName} to run`);
        expect(state).toBeTruthy();
      }

      // What the work did: editors and authors were told of the submission; the reviewer still
      // invited was told (the others had answered already); a backup replaced the reviewer who
      // declined, and was told; the accepted review's timers are set.
      const kinds = async (recipient: string) =>
        (await em().find(Notification, { recipient }, { orderBy: { kind: 'asc' } })).map((n) => n.kind);
      expect(await kinds(editor.id)).toEqual(['submitted_to_editors']);
      expect(await kinds(author.id)).toEqual(['submitted_to_authors']);
      expect(await kinds(un.id)).toEqual(['review_invited']);
      expect(await kinds(rights.id)).toEqual([]);
      const backupInvitation = await em().findOneOrFail(ReviewAssignment, { reviewer: backup.id });
      expect(backupInvitation.origin).toBe('backup');
      await waitFor(async () => (await kinds(backup.id)).includes('review_invited'), 'the backup to be told');
      // The review was submitted before its timers could be set: the late job re-read it and set none.
      const [schedule] = await em().find(OutboxMessage, { jobName: 'schedule-review-reminders' });
      expect((await producer.queue(QueueName.Reminders).getJob(schedule.id))?.returnvalue).toEqual({
        skipped: 'the review is submitted',
      });
      expect(
        await producer.queue(QueueName.Reminders).getJob(reviewTimerIds.before_due(assignments.research.id)),
      ).toBeUndefined();

      const notices = await em().find(Notification, {});
      const keys = notices.map((n) => noticeEmailKey(n, n.recipient.id)).sort();
      await waitFor(async () => smtp.received.length >= keys.length, 'the e-mails');
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.received.map(mailKey).sort()).toEqual(keys);
    },
  );
});

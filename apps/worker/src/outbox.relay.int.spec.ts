import { MikroORM } from '@mikro-orm/postgresql';
import { OutboxMessage, ormConfig } from '@pathways/persistence';
import { createTestDatabase, type TestDatabase } from '@pathways/persistence/testing';
import {
  createTestRedisPrefix,
  type HeartbeatResult,
  jobRegistry,
  QueueName,
  QueueProducer,
  readWorkerHeartbeat,
  redisConnectionOptions,
} from '@pathways/queues';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxDueAtSql, outboxRetryDelaySeconds } from './outbox.backoff';
import { OutboxRelay, type OutboxRelaySettings } from './outbox.relay';
import { createWorkerApp } from './worker.app';
import { parseWorkerConfig } from './worker.config';
import { createWorkerLogger } from './worker.logger';

const t = createTestRedisPrefix();
const logger = createWorkerLogger('silent');
const settings: OutboxRelaySettings = { pollMs: 100, batchSize: 10, addTimeoutMs: 500 };
let db: TestDatabase;
let orm: MikroORM;
let producer: QueueProducer;
let redis: Redis;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await MikroORM.init(ormConfig({ databaseUrl: db.url, poolMax: 4 }));
  producer = new QueueProducer({ connection: redisConnectionOptions(t.url), prefix: t.prefix });
  redis = new Redis(redisConnectionOptions(t.url));
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await producer?.close();
  await redis?.quit();
  await orm?.close();
  await t.drop();
  await db?.drop();
});

/** Writes an outbox row as the API does; `ageMs` back-dates it past any backoff. */
async function insertRow(fields: Partial<OutboxMessage> & { ageMs?: number } = {}): Promise<OutboxMessage> {
  const { ageMs = 0, ...rest } = fields;
  const em = orm.em.fork();
  const row = em.create(OutboxMessage, {
    queue: QueueName.Heartbeat,
    jobName: 'beat',
    payload: { source: 'outbox' },
    createdAt: new Date(Date.now() - ageMs),
    ...rest,
  });
  await em.flush();
  return row;
}

const reload = (id: string) => orm.em.fork().findOneOrFail(OutboxMessage, id);
const relayWith = (queues: QueueProducer, overrides: Partial<OutboxRelaySettings> = {}) =>
  new OutboxRelay(orm.em, queues, jobRegistry, { ...settings, ...overrides });

describe('outbox relay in the running worker (real PostgreSQL and Redis)', () => {
  it('relays a heartbeat row, the worker processes it, and the row is marked relayed', async () => {
    const events = new QueueEvents(QueueName.Heartbeat, {
      connection: redisConnectionOptions(t.url, 'worker'),
      prefix: t.prefix,
    });
    await events.waitUntilReady();
    const app = await createWorkerApp(
      parseWorkerConfig({
        DATABASE_URL: db.url,
        REDIS_URL: t.url,
        REDIS_PREFIX: t.prefix,
        WORKER_ID: 'outbox-int-worker',
        HEARTBEAT_INTERVAL_MS: '3600000',
        OUTBOX_POLL_MS: '100',
      }),
      { logger },
    );
    closers.push(() => events.close());
    try {
      const row = await insertRow({ payload: { source: 'outbox-test' } });
      const queue = producer.queue(QueueName.Heartbeat);
      await expect.poll(() => queue.getJob(row.id), { timeout: 10_000 }).toBeDefined();
      const stored = await queue.getJob(row.id);
      if (!stored) throw new Error('the relayed job is missing');
      const result = (await stored.waitUntilFinished(events, 10_000)) as HeartbeatResult;
      expect(result).toMatchObject({ source: 'outbox-test', workerId: 'outbox-int-worker' });
      expect((await readWorkerHeartbeat(redis, t.prefix))?.getTime()).toBeGreaterThanOrEqual(
        Date.parse(result.at),
      );
      await expect
        .poll(async () => (await reload(row.id)).relayedAt, { timeout: 5_000 })
        .toBeInstanceOf(Date);
      expect(await reload(row.id)).toMatchObject({ attempts: 0, lastError: null });
    } finally {
      // Stops after the current batch; the remaining tests drive the relay by hand.
      await app.close();
    }
  });
});

describe('OutboxRelay.relayBatch (real PostgreSQL and Redis)', () => {
  beforeEach(async () => {
    // Each test starts from an empty outbox and an empty queue.
    await orm.em.fork().nativeDelete(OutboxMessage, {});
    await producer.queue(QueueName.Heartbeat).obliterate({ force: true });
  });

  it('adds one job with the row id as job id, even when the row is relayed twice', async () => {
    const row = await insertRow({ delayMs: 60_000 });
    const relay = relayWith(producer);

    expect((await relay.relayBatch()).relayed).toEqual([row.id]);
    // A crash after the add but before the commit leaves the row unrelayed.
    await orm.em.fork().nativeUpdate(OutboxMessage, { id: row.id }, { relayedAt: null });
    expect((await relay.relayBatch()).relayed).toEqual([row.id]);

    const queue = producer.queue(QueueName.Heartbeat);
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1);
    const job = await queue.getJob(row.id);
    expect(job?.data).toEqual({ source: 'outbox' });
    expect(await job?.getState()).toBe('delayed');
    // The delay counts from when the row was written.
    expect(job?.delay).toBeGreaterThan(55_000);
    expect(job?.delay).toBeLessThanOrEqual(60_000);
    expect((await reload(row.id)).relayedAt).toBeInstanceOf(Date);
  });

  it('records a failure on unknown or invalid rows, backs them off, and relays the rows behind them', async () => {
    const unknownJob = await insertRow({ jobName: 'nope', ageMs: 300 });
    const unknownQueue = await insertRow({ queue: 'nowhere', ageMs: 200 });
    const invalid = await insertRow({ payload: { source: 42 }, ageMs: 100 });
    const valid = await insertRow();
    const relay = relayWith(producer);

    const first = await relay.relayBatch();
    expect(first.relayed).toEqual([valid.id]);
    expect(first.failed.map((f) => f.id)).toEqual([unknownJob.id, unknownQueue.id, invalid.id]);
    expect(await reload(unknownJob.id)).toMatchObject({
      relayedAt: null,
      attempts: 1,
      lastError: 'Invalid payload for heartbeat/nope: (payload): no such job in the registry',
    });
    expect((await reload(unknownQueue.id)).lastError).toMatch(/^Invalid payload for nowhere\/beat: /);
    expect((await reload(invalid.id)).lastError).toMatch(/source: Invalid input: expected string/);
    expect(await producer.queue(QueueName.Heartbeat).getJob(unknownJob.id)).toBeUndefined();

    // Backing off: a failed row is not claimed again until createdAt + 2 s...
    expect((await relay.relayBatch()).claimed).toBe(0);
    // ...and is tried again once that has passed.
    await orm.em
      .fork()
      .nativeUpdate(OutboxMessage, { id: unknownJob.id }, { createdAt: new Date(Date.now() - 60_000) });
    const third = await relay.relayBatch();
    expect(third.failed.map((f) => f.id)).toEqual([unknownJob.id]);
    expect(await reload(unknownJob.id)).toMatchObject({ relayedAt: null, attempts: 2 });
  });

  it('leaves rows pending while Redis is unreachable and relays them once it answers', async () => {
    const first = await insertRow({ ageMs: 10_000 });
    const second = await insertRow({ ageMs: 9_000 });
    const down = new QueueProducer({
      connection: redisConnectionOptions('redis://127.0.0.1:1'),
      prefix: t.prefix,
      onError: () => undefined,
    });
    closers.push(() => down.close());

    const failed = await relayWith(down).relayBatch();
    expect(failed).toMatchObject({ claimed: 2, relayed: [], deferred: 1 });
    expect(await reload(first.id)).toMatchObject({ relayedAt: null, attempts: 1 });
    expect((await reload(first.id)).lastError).toMatch(/did not finish within 500 ms/);
    // The add failure stops the batch: the next row is not tried against the same dead Redis.
    expect(await reload(second.id)).toMatchObject({ relayedAt: null, attempts: 0, lastError: null });

    const recovered = await relayWith(producer).relayBatch();
    expect(recovered.relayed).toEqual([first.id, second.id]);
    expect((await reload(first.id)).relayedAt).toBeInstanceOf(Date);
    expect(await producer.queue(QueueName.Heartbeat).getJob(second.id)).toBeDefined();
  });

  it('never lets two relays claim the same row (for update skip locked)', async () => {
    const rows = [];
    for (let i = 0; i < 12; i++) rows.push(await insertRow({ ageMs: 12_000 - i }));
    const [a, b] = await Promise.all([
      relayWith(producer, { batchSize: 5 }).relayBatch(),
      relayWith(producer, { batchSize: 5 }).relayBatch(),
    ]);
    const both = [...a.relayed, ...b.relayed];
    expect(new Set(both).size).toBe(both.length);
    expect(both.length).toBe(10);
    const rest = await relayWith(producer).relayBatch();
    expect(new Set([...both, ...rest.relayed])).toEqual(new Set(rows.map((r) => r.id)));
  });

  it('claims rows on the same schedule in SQL as outboxRetryDelaySeconds computes', async () => {
    const attempts = Array.from({ length: 16 }, (_, i) => i);
    const rows: { attempts: number; delay: string }[] = await orm.em.getConnection().execute(
      `select o.attempts, extract(epoch from ${outboxDueAtSql('o')} - o.created_at) as delay
         from (select now() as created_at, a as attempts from generate_series(0, ?::int) as a) o order by o.attempts`,
      [attempts.length - 1],
    );
    expect(rows.map((r) => Number(r.delay))).toEqual(attempts.map((a) => outboxRetryDelaySeconds(a)));
  });
});

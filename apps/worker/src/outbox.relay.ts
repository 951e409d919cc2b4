import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OutboxMessage } from '@pathways/persistence';
import { type JobRegistry, parseJobData, type QueueName, type QueueProducer } from '@pathways/queues';
import { JOB_REGISTRY } from './job-handlers.check';
import { outboxDueAtSql, outboxRemainingDelayMs } from './outbox.backoff';
import { OutboxProducer } from './outbox.producer';

export interface OutboxRelaySettings {
  pollMs: number;
  batchSize: number;
  /** BullMQ waits for Redis indefinitely before its first command, so each add is bounded here. */
  addTimeoutMs: number;
}

export const OUTBOX_RELAY_SETTINGS = Symbol('OUTBOX_RELAY_SETTINGS');

export interface OutboxBatchResult {
  /** Rows locked by this batch. */
  claimed: number;
  relayed: string[];
  failed: { id: string; error: string }[];
  /** Rows left untouched after an add failed: Redis is likely down, so they wait for the next poll. */
  deferred: number;
}

const MAX_ERROR_LENGTH = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  // An add that finishes after the timeout is harmless (same job id next time); never unhandled.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Moves outbox rows into BullMQ (DESIGN §4). Each batch runs in one transaction that locks its rows
 * with `for update skip locked`, so replicas never relay the same row at once, and the job id is the
 * row id, so re-relaying a row whose commit was lost (crash after the add) adds no second job.
 */
@Injectable()
export class OutboxRelay {
  private readonly log = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private running = false;

  constructor(
    private readonly em: EntityManager,
    @Inject(OutboxProducer) private readonly producer: QueueProducer,
    @Inject(JOB_REGISTRY) private readonly registry: JobRegistry,
    @Inject(OUTBOX_RELAY_SETTINGS) private readonly settings: OutboxRelaySettings,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling; resolves once the batch in progress has committed. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.current = this.poll().finally(() => (this.current = undefined));
    }, ms);
  }

  private async poll(): Promise<void> {
    let again = false;
    try {
      const batch = await this.relayBatch();
      // A full batch that met no Redis trouble means more rows are probably waiting.
      again = batch.claimed === this.settings.batchSize && batch.deferred === 0 && batch.failed.length === 0;
    } catch (err) {
      // The database is unreachable or the transaction failed: nothing was marked, try again later.
      this.log.error({ reason: (err as Error).message }, 'outbox relay batch failed');
    }
    if (this.running) this.schedule(again ? 0 : this.settings.pollMs);
  }

  /** Claims due rows, adds each to its queue and marks it relayed, all in one transaction. */
  async relayBatch(now = new Date()): Promise<OutboxBatchResult> {
    return this.em.fork().transactional(async (em) => {
      const rows = await em
        .createQueryBuilder(OutboxMessage, 'o')
        .select('*')
        .where({ relayedAt: null })
        .andWhere(`${outboxDueAtSql('o')} <= ?`, [now])
        .orderBy({ createdAt: 'asc', id: 'asc' })
        .limit(this.settings.batchSize)
        .setLockMode(LockMode.PESSIMISTIC_PARTIAL_WRITE)
        .getResultList();
      const result: OutboxBatchResult = { claimed: rows.length, relayed: [], failed: [], deferred: 0 };

      for (const [index, row] of rows.entries()) {
        let data: unknown;
        try {
          data = parseJobData(row.queue, row.jobName, row.payload, this.registry);
        } catch (err) {
          this.recordFailure(row, err, result);
          continue;
        }
        try {
          const delay = outboxRemainingDelayMs(row, new Date());
          const add = this.producer
            .queue(row.queue as QueueName)
            .add(row.jobName, data, { jobId: row.id, ...(delay ? { delay } : {}) });
          await withTimeout(add, this.settings.addTimeoutMs, `adding ${row.queue}/${row.jobName}`);
          row.relayedAt = new Date();
          result.relayed.push(row.id);
        } catch (err) {
          this.recordFailure(row, err, result);
          result.deferred = rows.length - index - 1;
          break;
        }
      }
      return result;
    });
  }

  private recordFailure(row: OutboxMessage, err: unknown, result: OutboxBatchResult): void {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_LENGTH);
    row.attempts += 1;
    row.lastError = error;
    result.failed.push({ id: row.id, error });
    this.log.warn(
      { outboxId: row.id, attempts: row.attempts, reason: error },
      `outbox row for ${row.queue}/${row.jobName} not relayed`,
    );
  }
}

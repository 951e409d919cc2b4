import { BullRegistrar, getQueueToken, Processor } from '@nestjs/bullmq';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { queueNames } from '@pathways/queues';
import type { Queue } from 'bullmq';
import { HeartbeatScheduler } from './heartbeat.scheduler';
import type { JobHandlerHost } from './job-handler.host';
import { JobHandlerCheck } from './job-handlers.check';
import { OutboxRelay } from './outbox.relay';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

/** WorkerHost's getter throws until the worker is registered, e.g. when the handler check failed. */
function startedWorker(host: JobHandlerHost) {
  try {
    return host.worker;
  } catch {
    return undefined;
  }
}

/**
 * BullMQ workers are registered by hand (`manualRegistration`) so that nothing consumes a job
 * before the handler check has passed.
 */
@Injectable()
export class WorkerStartup implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(WorkerStartup.name);

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly check: JobHandlerCheck,
    private readonly registrar: BullRegistrar,
    private readonly heartbeat: HeartbeatScheduler,
    private readonly relay: OutboxRelay,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.check.assertEveryJobHandled();
    // The job lock is configuration (JOB_LOCK_MS), but BullMQ worker options are decorator metadata,
    // read when the workers are registered: restate it on each processor just before. A job whose
    // worker died is taken up again once its lock lapses and a stalled check (same interval) sees it.
    for (const host of this.check.hosts()) {
      Processor(host.queue, {
        lockDuration: this.config.jobLockMs,
        stalledInterval: this.config.jobLockMs,
      })(host.constructor);
    }
    for (const name of queueNames) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (err) => this.log.warn({ reason: err.message }, `queue ${name} error`));
    }
    this.registrar.register();
    await Promise.all(this.check.hosts().map((h) => h.worker.waitUntilReady()));
    await this.heartbeat.schedule();
    this.relay.start();
  }

  // Before any onApplicationShutdown: the relay's batch commits and running jobs finish while their
  // database and Redis connections are still open.
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await Promise.all(this.check.hosts().map((h) => startedWorker(h)?.close()));
  }
}

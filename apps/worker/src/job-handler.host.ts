import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type JobName, JobPayloadError, type QueueName } from '@pathways/queues';
import { type Job, UnrecoverableError } from 'bullmq';

export type JobHandler = (job: Job) => Promise<unknown>;
/** One handler per registered job of the queue: a missing one is a compile error here... */
export type JobHandlers<Q extends QueueName> = Record<JobName<Q>, JobHandler>;

/**
 * ...and, for what the compiler cannot see, a boot error (JobHandlerCheck). Processors extend this
 * and only map job names to service calls; the services validate the payload.
 */
export abstract class JobHandlerHost<Q extends QueueName = QueueName> extends WorkerHost {
  abstract readonly queue: Q;
  abstract readonly handlers: JobHandlers<Q>;
  private readonly log = new Logger(this.constructor.name);

  async process(job: Job): Promise<unknown> {
    const handlers: Record<string, JobHandler> = this.handlers;
    if (!Object.hasOwn(handlers, job.name)) {
      throw new UnrecoverableError(`No handler for job ${this.queue}/${job.name}`);
    }
    try {
      return await handlers[job.name](job);
    } catch (err) {
      // A payload that fails its schema fails the same way on every retry: straight to the failed set.
      if (err instanceof JobPayloadError) throw new UnrecoverableError(err.message);
      throw err;
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.log.warn(
      { jobId: job?.id, attemptsMade: job?.attemptsMade, reason: err.message },
      `job ${this.queue}/${job?.name ?? '?'} failed`,
    );
  }

  // Without an 'error' listener, a Redis hiccup inside BullMQ would be an unhandled 'error' event.
  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.log.error({ reason: err.message }, `worker for ${this.queue} reported an error`);
  }
}

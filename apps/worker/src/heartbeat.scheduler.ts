import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { HEARTBEAT_SCHEDULER_ID, HeartbeatJob, parseJobPayload, QueueName } from '@pathways/queues';
import type { Queue } from 'bullmq';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

@Injectable()
export class HeartbeatScheduler {
  constructor(
    @InjectQueue(QueueName.Heartbeat) private readonly queue: Queue,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  /**
   * Upserting under a fixed id keeps one schedule however many replicas boot, and a changed
   * interval replaces the old one. With `every`, the first beat is due at once.
   */
  async schedule(): Promise<void> {
    const data = parseJobPayload(QueueName.Heartbeat, HeartbeatJob.Beat, { source: 'scheduler' });
    await this.queue.upsertJobScheduler(
      HEARTBEAT_SCHEDULER_ID,
      { every: this.config.heartbeatIntervalMs },
      {
        name: HeartbeatJob.Beat,
        data,
        // The next beat supersedes a failed one, so no retries and only a short history.
        opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      },
    );
  }
}

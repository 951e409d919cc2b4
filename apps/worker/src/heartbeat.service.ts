import { Inject, Injectable } from '@nestjs/common';
import {
  HeartbeatJob,
  type HeartbeatResult,
  parseJobPayload,
  QueueName,
  writeWorkerHeartbeat,
} from '@pathways/queues';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';
import { WorkerRedis } from './worker.redis';

@Injectable()
export class HeartbeatService {
  constructor(
    private readonly redis: WorkerRedis,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  /** Records that this worker processed a job just now; the API's readiness reads it back. */
  async beat(data: unknown): Promise<HeartbeatResult> {
    const { source } = parseJobPayload(QueueName.Heartbeat, HeartbeatJob.Beat, data);
    const at = new Date();
    await writeWorkerHeartbeat(this.redis.client, this.config.redisPrefix, at, this.config.workerId);
    return { at: at.toISOString(), workerId: this.config.workerId, source };
  }
}

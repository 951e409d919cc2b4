import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { redisConnectionOptions } from '@pathways/queues';
import { Redis } from 'ioredis';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

/** The worker's own Redis client, for keys outside BullMQ (the heartbeat). */
@Injectable()
export class WorkerRedis implements OnApplicationShutdown {
  readonly client: Redis;
  private readonly log = new Logger(WorkerRedis.name);

  constructor(@Inject(WORKER_CONFIG) config: WorkerConfig) {
    this.client = new Redis(redisConnectionOptions(config.redisUrl, 'client', 'pathways-worker'));
    // ioredis reconnects by itself; the listener turns its stderr noise into a log line.
    this.client.on('error', (err) => this.log.warn({ reason: err.message }, 'redis client error'));
  }

  // After beforeApplicationShutdown (WorkerStartup), so running jobs finish before this closes.
  async onApplicationShutdown(): Promise<void> {
    await this.client.quit();
  }
}

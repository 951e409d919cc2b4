import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { QueueProducer, redisConnectionOptions } from '@pathways/queues';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

/**
 * The relay's own queues, on a `client` connection: with Redis gone a command fails after a short
 * reconnect instead of waiting forever like the BullMQ workers' connection does.
 */
@Injectable()
export class OutboxProducer extends QueueProducer implements OnApplicationShutdown {
  private readonly log = new Logger(OutboxProducer.name);

  constructor(@Inject(WORKER_CONFIG) config: WorkerConfig) {
    super({
      connection: redisConnectionOptions(config.redisUrl, 'client', 'pathways-worker-outbox'),
      prefix: config.redisPrefix,
      onError: (err, queue) => this.log.warn({ reason: err.message }, `outbox queue ${queue} error`),
    });
  }

  // After the relay stopped (WorkerStartup.beforeApplicationShutdown).
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}

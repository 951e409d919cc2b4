import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { QueueProducer, redisConnectionOptions } from '@pathways/queues';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * The queues the dashboard shows, under the worker's Redis prefix. A `client` connection: with
 * Redis away the dashboard fails fast instead of hanging the request.
 */
@Injectable()
export class DashboardQueues extends QueueProducer implements OnApplicationShutdown {
  private readonly log = new Logger(DashboardQueues.name);

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    super({
      connection: redisConnectionOptions(config.REDIS_URL, 'client', 'pathways-api-dashboard'),
      prefix: config.REDIS_PREFIX,
      onError: (err, queue) => this.log.warn({ reason: err.message }, `dashboard queue ${queue} error`),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}

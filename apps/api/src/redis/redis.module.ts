import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

export const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [API_CONFIG],
      // Fail fast instead of queueing commands while Redis is away: callers degrade or answer 503.
      useFactory: (config: ApiConfig) => {
        const redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
        // ioredis reconnects by itself and readiness reports the outage, so log it once per episode.
        const logger = new Logger('Redis');
        let down = false;
        redis.on('error', (error) => {
          if (!down) logger.warn(`Redis unreachable: ${error.message}`);
          down = true;
        });
        redis.on('ready', () => {
          down = false;
        });
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

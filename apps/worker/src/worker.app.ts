import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { queueNames } from '@pathways/queues';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import type { WorkerConfig } from './worker.config';
import { WorkerModule, type WorkerModuleOptions } from './worker.module';

/** Boots the worker (no HTTP): handler check, BullMQ workers, heartbeat schedule, outbox relay; then logs "worker ready". */
export async function createWorkerApp(
  config: WorkerConfig,
  options: WorkerModuleOptions & { logger: Logger },
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), {
    bufferLogs: true,
    // Reject instead of process.abort(), so main can log the reason and exit 1.
    abortOnError: false,
  });
  app.useLogger(app.get(NestPinoLogger));
  options.logger.info(
    { workerId: config.workerId, prefix: config.redisPrefix, queues: queueNames },
    'worker ready',
  );
  return app;
}

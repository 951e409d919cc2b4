import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { waitForRedis } from '@pathways/queues';
import { createWorkerApp } from './worker.app';
import { parseWorkerConfig, type WorkerConfig } from './worker.config';
import { createWorkerLogger } from './worker.logger';

async function main(): Promise<void> {
  let config: WorkerConfig;
  try {
    config = parseWorkerConfig(process.env);
  } catch (err) {
    createWorkerLogger('info').fatal((err as Error).message);
    process.exit(1);
  }
  const logger = createWorkerLogger(config.logLevel);

  let app: INestApplicationContext;
  try {
    await waitForRedis(config.redisUrl, config.redisWaitMs);
    app = await createWorkerApp(config, { logger });
  } catch (err) {
    logger.fatal({ err }, `worker failed to start: ${(err as Error).message}`);
    process.exit(1);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping: waiting for running jobs');
    const timer = setTimeout(() => {
      logger.error(`worker did not stop within ${config.shutdownTimeoutMs} ms`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    app.close().then(
      () => {
        logger.info('worker stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'worker stopped with an error');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();

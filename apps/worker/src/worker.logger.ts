import pino, { type DestinationStream, type Logger } from 'pino';
import type { WorkerConfig } from './worker.config';

/** One JSON line per event on stdout; Nest's own logs go through the same instance (nestjs-pino). */
export function createWorkerLogger(level: WorkerConfig['logLevel'], destination?: DestinationStream): Logger {
  return pino(
    { name: 'worker', level, timestamp: pino.stdTimeFunctions.isoTime, base: { pid: process.pid } },
    destination,
  );
}

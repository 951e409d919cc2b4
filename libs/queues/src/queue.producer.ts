import { type ConnectionOptions, type Job, Queue } from 'bullmq';
import { HeartbeatJob, type HeartbeatPayload } from './heartbeat.job';
import { defaultJobOptions, EnqueueOptions } from './job.options';
import { type JobName, type JobPayloadInput, parseJobPayload } from './job.registry';
import { QueueName } from './queue.names';
import { RedisPrefix } from './redis.prefix';

export interface QueueProducerOptions {
  connection: ConnectionOptions;
  prefix: string;
  /** Connection errors of each queue; without a listener they would crash the process. */
  onError?: (err: Error, queue: string) => void;
}

/**
 * Adds jobs after validating their payload against the registry, so a bad payload fails in the
 * caller (with the field named) instead of later in the worker. Queues open on first use.
 */
export class QueueProducer {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly prefix: string;

  constructor(private readonly options: QueueProducerOptions) {
    this.prefix = RedisPrefix.parse(options.prefix);
  }

  async add<Q extends QueueName, N extends JobName<Q>>(
    queue: Q,
    name: N,
    payload: JobPayloadInput<Q, N>,
    options: EnqueueOptions = {},
  ): Promise<Job> {
    const data = parseJobPayload(queue, name, payload);
    const opts = EnqueueOptions.parse(options);
    return this.queue(queue).add(name, data, opts);
  }

  /** The underlying BullMQ queue, for reads (counts, failed jobs) and dashboards. */
  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.options.connection,
        prefix: this.prefix,
        defaultJobOptions,
      });
      const { onError } = this.options;
      if (onError) queue.on('error', (err) => onError(err, name));
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.all(queues.map((q) => q.close()));
  }
}

/** Asks a worker to beat now; readiness then shows a fresh heartbeat once it is processed. */
export function enqueueHeartbeat(
  producer: QueueProducer,
  source: HeartbeatPayload['source'] = 'api',
  options?: EnqueueOptions,
): Promise<Job> {
  return producer.add(QueueName.Heartbeat, HeartbeatJob.Beat, { source }, options);
}

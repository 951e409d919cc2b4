import { describe, expect, it } from 'vitest';
import { HeartbeatJob } from './heartbeat.job';
import { JobPayloadError } from './job-payload.error';
import { defaultJobOptions, EnqueueOptions } from './job.options';
import { enqueueHeartbeat, QueueProducer } from './queue.producer';
import { QueueName } from './queue.names';

// Nothing here reaches Redis: validation fails before a queue is opened (port 1 would refuse anyway).
const producer = () => new QueueProducer({ connection: { host: '127.0.0.1', port: 1 }, prefix: 'pw_unit' });

describe('QueueProducer', () => {
  it('refuses an invalid prefix', () => {
    expect(() => new QueueProducer({ connection: {}, prefix: 'a:b' })).toThrow(/letters, digits/);
  });

  it('accepts the hash-tagged prefix for Redis Cluster', () => {
    expect(() => new QueueProducer({ connection: {}, prefix: '{pathways}' })).not.toThrow();
  });

  it('rejects a bad payload before opening a queue', async () => {
    const p = producer();
    await expect(
      p.add(QueueName.Heartbeat, HeartbeatJob.Beat, { source: 7 as unknown as string }),
    ).rejects.toThrow(JobPayloadError);
    await expect(enqueueHeartbeat(p, 'Not Valid')).rejects.toThrow(/heartbeat\/beat: source:/);
    expect((p as unknown as { queues: Map<string, unknown> }).queues.size).toBe(0);
    await p.close();
  });

  it('rejects job ids BullMQ would refuse or misread', async () => {
    const p = producer();
    await expect(enqueueHeartbeat(p, 'api', { jobId: '123' })).rejects.toThrow(/must not be an integer/);
    await expect(enqueueHeartbeat(p, 'api', { jobId: 'a:b' })).rejects.toThrow(/letters, digits/);
    await p.close();
  });
});

describe('job options', () => {
  it('retries five times with exponential backoff and keeps failed jobs longer than completed ones', () => {
    expect(defaultJobOptions.attempts).toBe(5);
    expect(defaultJobOptions.backoff.type).toBe('exponential');
    expect(defaultJobOptions.removeOnFail.age).toBeGreaterThan(defaultJobOptions.removeOnComplete.age);
    expect(defaultJobOptions.removeOnFail.count).toBeGreaterThan(0);
  });

  it('accepts uuid job ids (outbox ids)', () => {
    expect(EnqueueOptions.parse({ jobId: '0b8f7a52-0c0e-4f0e-9d7a-3b1f1b7c2a10' })).toBeTruthy();
  });
});

import { JobPayloadError } from '@pathways/queues';
import { type Job, UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { JobHandlerHost } from './job-handler.host';

class TestHost extends JobHandlerHost<'heartbeat'> {
  readonly queue = 'heartbeat' as const;
  constructor(private readonly run: (job: Job) => Promise<unknown>) {
    super();
  }
  readonly handlers = { beat: (job: Job) => this.run(job) };
}

// Only name and data are read; a real Job needs a queue connection.
const job = (name: string, data: unknown = {}) => ({ name, data }) as Job;

describe('JobHandlerHost.process', () => {
  it('returns what the handler returns', async () => {
    const host = new TestHost(async (j) => ({ echoed: j.data }));
    await expect(host.process(job('beat', { a: 1 }))).resolves.toEqual({ echoed: { a: 1 } });
  });

  it('fails a job name without a handler as unrecoverable', async () => {
    const host = new TestHost(async () => 'never');
    const run = host.process(job('toString'));
    await expect(run).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(host.process(job('nope'))).rejects.toThrow('No handler for job heartbeat/nope');
  });

  it('turns an invalid payload into an unrecoverable failure that keeps the field names', async () => {
    const host = new TestHost(async () => {
      throw new JobPayloadError('heartbeat', 'beat', [
        { code: 'custom', path: ['source'], message: 'required', input: undefined },
      ]);
    });
    const run = host.process(job('beat'));
    await expect(run).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(run).rejects.toThrow('Invalid payload for heartbeat/beat: source: required');
  });

  it('lets other errors through so BullMQ retries them', async () => {
    const host = new TestHost(async () => {
      throw new Error('smtp down');
    });
    const run = host.process(job('beat'));
    await expect(run).rejects.not.toBeInstanceOf(UnrecoverableError);
    await expect(run).rejects.toThrow('smtp down');
  });
});

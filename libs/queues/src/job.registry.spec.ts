import { describe, expect, it } from 'vitest';
import { HeartbeatJob } from './heartbeat.job';
import { JobPayloadError } from './job-payload.error';
import { isRegisteredJob, parseJobData, parseJobPayload, registeredJobs } from './job.registry';
import {
  pilotPartnerWorkflow,
  pilotWorkflow,
  practiceWorkflow,
  reviewAssignmentWorkflow,
} from '@pathways/workflow';
import { z } from 'zod';
import { WorkflowEffectPayload } from './notification.job';
import { QueueName, queueNames } from './queue.names';

describe('job registry', () => {
  it('lists every queue with at least one job', () => {
    const jobs = registeredJobs();
    expect(jobs).toContainEqual({ queue: 'heartbeat', name: 'beat' });
    expect(new Set(jobs.map((j) => j.queue))).toEqual(new Set(queueNames));
  });

  it('registers every workflow effect, with the payload the outbox writes for it', () => {
    const effects = [practiceWorkflow, reviewAssignmentWorkflow, pilotWorkflow, pilotPartnerWorkflow].flatMap(
      (w) => Object.values(w.transitions).flatMap((t) => t.effects ?? []),
    );
    expect(effects.length).toBeGreaterThan(0);
    const payload = {
      eventId: '0b8f7a52-0c0e-4f0e-9d7a-3b1f1b7c2a10',
      entityType: 'Practice',
      entityId: '1c9f7a52-0c0e-4f0e-9d7a-3b1f1b7c2a10',
      transition: 'publish',
    };
    for (const effect of new Set(effects)) {
      const [queue, name] = effect.split('.');
      expect(isRegisteredJob(queue, name), effect).toBe(true);
      expect(parseJobData(queue, name, payload), effect).toEqual(WorkflowEffectPayload.parse(payload));
    }
  });

  it('knows registered jobs only', () => {
    expect(isRegisteredJob('heartbeat', 'beat')).toBe(true);
    expect(isRegisteredJob('heartbeat', 'toString')).toBe(false);
    expect(isRegisteredJob('review', 'beat')).toBe(false);
    expect(isRegisteredJob('nowhere', 'beat')).toBe(false);
  });

  it('returns the parsed payload', () => {
    expect(parseJobPayload(QueueName.Heartbeat, HeartbeatJob.Beat, { source: 'api' })).toEqual({
      source: 'api',
    });
  });

  it.each([
    [{ source: 42 }, 'source: Invalid input: expected string, received number'],
    [{ source: 'API!' }, 'source: lowercase word'],
    [{}, 'source: Invalid input'],
    [{ source: 'api', extra: 1 }, '(payload): Unrecognized key: "extra"'],
    [null, '(payload): Invalid input: expected object'],
  ])('rejects %j naming the field', (data, message) => {
    const run = () => parseJobPayload(QueueName.Heartbeat, HeartbeatJob.Beat, data);
    expect(run).toThrow(JobPayloadError);
    expect(run).toThrow(`Invalid payload for heartbeat/beat: ${message}`);
  });

  it('rejects a job name that is not registered', () => {
    expect(() => parseJobPayload(QueueName.Heartbeat, 'nope' as 'beat', {})).toThrow(
      'Invalid payload for heartbeat/nope: (payload): no such job in the registry',
    );
  });

  it('parses names read from storage against a given registry', () => {
    const registry = { review: { assign: z.strictObject({ reviewId: z.string() }) } };
    expect(parseJobData('review', 'assign', { reviewId: 'r1' }, registry)).toEqual({ reviewId: 'r1' });
    expect(() => parseJobData('heartbeat', 'beat', { source: 'api' }, registry)).toThrow(
      'Invalid payload for heartbeat/beat: (payload): no such job in the registry',
    );
    expect(() => parseJobData('review', 'assign', {}, registry)).toThrow(JobPayloadError);
    expect(() => parseJobData('nowhere', 'beat', {})).toThrow('no such job in the registry');
  });
});

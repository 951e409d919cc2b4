import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { jobRegistry, type JobRegistry, QueueName } from '@pathways/queues';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JobHandlerHost } from './job-handler.host';
import { findHandlerProblems, JOB_REGISTRY, JobHandlerCheck, JobHandlerError } from './job-handlers.check';

const registry: JobRegistry = {
  heartbeat: { beat: z.object({}) },
  review: { assign: z.object({}), escalate: z.object({}) },
};

describe('findHandlerProblems', () => {
  it('is empty when every registered job has a handler', () => {
    const handled = [
      { queue: 'heartbeat', names: ['beat'] },
      { queue: 'review', names: ['assign', 'escalate'] },
    ];
    expect(findHandlerProblems(registry, handled)).toEqual([]);
  });

  it('names jobs without a handler and queues without a processor', () => {
    expect(findHandlerProblems(registry, [{ queue: 'review', names: ['assign'] }])).toEqual([
      'no handler for heartbeat/beat',
      'no handler for review/escalate',
    ]);
  });

  it('refuses two processors on one queue', () => {
    const handled = [
      { queue: 'heartbeat', names: ['beat'] },
      { queue: 'heartbeat', names: ['beat'] },
      { queue: 'review', names: ['assign', 'escalate'] },
    ];
    expect(findHandlerProblems(registry, handled)).toEqual(['queue heartbeat has 2 processors']);
  });
});

// Not decorated with @Processor: the check finds hosts by class, so no Redis is needed here.
@Injectable()
class HeartbeatOnlyHost extends JobHandlerHost<'heartbeat'> {
  readonly queue = 'heartbeat' as const;
  readonly handlers = { beat: async () => 'ok' };
}

async function check(reg: JobRegistry) {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [HeartbeatOnlyHost, JobHandlerCheck, { provide: JOB_REGISTRY, useValue: reg }],
  }).compile();
  return moduleRef.get(JobHandlerCheck);
}

describe('JobHandlerCheck', () => {
  it('discovers the processors registered in the module', async () => {
    const c = await check({ [QueueName.Heartbeat]: jobRegistry[QueueName.Heartbeat] });
    expect(c.hosts().map((h) => h.constructor.name)).toEqual(['HeartbeatOnlyHost']);
    expect(() => c.assertEveryJobHandled()).not.toThrow();
  });

  it('fails with a message naming each unhandled job', async () => {
    const c = await check(registry);
    expect(() => c.assertEveryJobHandled()).toThrow(JobHandlerError);
    expect(() => c.assertEveryJobHandled()).toThrow(
      'Job registry and processors disagree: no handler for review/assign; no handler for review/escalate',
    );
  });
});

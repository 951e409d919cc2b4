import { Inject, Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type JobRegistry, registeredJobs } from '@pathways/queues';
import { JobHandlerHost } from './job-handler.host';

export const JOB_REGISTRY = Symbol('JOB_REGISTRY');

export interface HandledJobs {
  queue: string;
  names: readonly string[];
}

/** What keeps the worker from booting: registered jobs nobody handles, queues with two processors. */
export function findHandlerProblems(registry: JobRegistry, handled: readonly HandledJobs[]): string[] {
  const byQueue = new Map<string, number>();
  for (const h of handled) byQueue.set(h.queue, (byQueue.get(h.queue) ?? 0) + 1);
  const duplicates = [...byQueue].filter(([, n]) => n > 1).map(([q, n]) => `queue ${q} has ${n} processors`);
  const missing = registeredJobs(registry)
    .filter((job) => !handled.some((h) => h.queue === job.queue && h.names.includes(job.name)))
    .map((job) => `no handler for ${job.queue}/${job.name}`);
  return [...missing, ...duplicates];
}

export class JobHandlerError extends Error {
  override readonly name = 'JobHandlerError';

  constructor(readonly problems: readonly string[]) {
    super(`Job registry and processors disagree: ${problems.join('; ')}`);
  }
}

@Injectable()
export class JobHandlerCheck {
  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(JOB_REGISTRY) private readonly registry: JobRegistry,
  ) {}

  hosts(): JobHandlerHost[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is JobHandlerHost => instance instanceof JobHandlerHost);
  }

  assertEveryJobHandled(): void {
    const handled = this.hosts().map((h) => ({ queue: h.queue, names: Object.keys(h.handlers) }));
    const problems = findHandlerProblems(this.registry, handled);
    if (problems.length) throw new JobHandlerError(problems);
  }
}

import type { z } from 'zod';
import { HeartbeatJob, HeartbeatPayload } from './heartbeat.job';
import { JobPayloadError } from './job-payload.error';
import {
  NotificationJob,
  ReviewInvitedPayload,
  SendEmailPayload,
  WorkflowEffectPayload,
} from './notification.job';
import { PilotReportJob, RemindPilotReportPayload, SchedulePilotReportingPayload } from './pilot-report.job';
import { PilotInvitationPayload, PilotJob } from './pilot.job';
import { PublishingJob } from './publishing.job';
import { QueueName } from './queue.names';
import {
  AssignmentPayload,
  ExpireInvitationPayload,
  ReminderJob,
  RemindReviewerPayload,
} from './reminder.job';
import { EscalateOverduePayload, ReviewJob } from './review.job';

/** Every job the system knows: queue → job name → payload schema. */
export const jobRegistry = {
  [QueueName.Heartbeat]: {
    [HeartbeatJob.Beat]: HeartbeatPayload,
  },
  [QueueName.Notifications]: {
    [NotificationJob.SendEmail]: SendEmailPayload,
    [NotificationJob.PracticeSubmitted]: WorkflowEffectPayload,
    [NotificationJob.PracticeDecided]: WorkflowEffectPayload,
    [NotificationJob.RevisionWithdrawn]: WorkflowEffectPayload,
    [NotificationJob.ReviewInvited]: ReviewInvitedPayload,
  },
  [QueueName.Reminders]: {
    [ReminderJob.ExpireInvitation]: ExpireInvitationPayload,
    [ReminderJob.ScheduleReviewReminders]: WorkflowEffectPayload,
    [ReminderJob.RemindReviewer]: RemindReviewerPayload,
    [ReminderJob.MarkOverdue]: AssignmentPayload,
    [PilotReportJob.ScheduleReporting]: SchedulePilotReportingPayload,
    [PilotReportJob.RemindReport]: RemindPilotReportPayload,
  },
  [QueueName.Review]: {
    [ReviewJob.InviteBackup]: WorkflowEffectPayload,
    [ReviewJob.CheckPanel]: WorkflowEffectPayload,
    [ReviewJob.EscalateOverdue]: EscalateOverduePayload,
  },
  [QueueName.Publishing]: {
    [PublishingJob.PublishPractice]: WorkflowEffectPayload,
    [PublishingJob.RetractPractice]: WorkflowEffectPayload,
  },
  [QueueName.Pilots]: {
    [PilotJob.InvitationReceived]: PilotInvitationPayload,
    [PilotJob.ScheduleInvitationTimers]: PilotInvitationPayload,
    [PilotJob.RemindInvitation]: PilotInvitationPayload,
    [PilotJob.ExpireInvitation]: PilotInvitationPayload,
    [PilotJob.InvitationAnswered]: WorkflowEffectPayload,
    [PilotJob.PilotStateChanged]: WorkflowEffectPayload,
  },
} as const satisfies Record<QueueName, Record<string, z.ZodType>>;

export type JobRegistry = Record<string, Record<string, z.ZodType>>;
export type JobName<Q extends QueueName> = keyof (typeof jobRegistry)[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = z.output<(typeof jobRegistry)[Q][N]>;
export type JobPayloadInput<Q extends QueueName, N extends JobName<Q>> = z.input<(typeof jobRegistry)[Q][N]>;

export interface RegisteredJob {
  queue: string;
  name: string;
}

export function registeredJobs(registry: JobRegistry = jobRegistry): RegisteredJob[] {
  return Object.entries(registry).flatMap(([queue, jobs]) =>
    Object.keys(jobs).map((name) => ({ queue, name })),
  );
}

export function isRegisteredJob(queue: string, name: string, registry: JobRegistry = jobRegistry): boolean {
  return Object.hasOwn(registry, queue) && Object.hasOwn(registry[queue], name);
}

/** Parses job data against its schema; throws {@link JobPayloadError} naming the bad fields. */
export function parseJobPayload<Q extends QueueName, N extends JobName<Q>>(
  queue: Q,
  name: N,
  data: unknown,
): JobPayload<Q, N> {
  return parseJobData(queue, name, data) as JobPayload<Q, N>;
}

/**
 * The untyped form, for names read from storage (the outbox) rather than written in code: an
 * unknown queue or job fails the same way as a bad payload.
 */
export function parseJobData(
  queue: string,
  name: string,
  data: unknown,
  registry: JobRegistry = jobRegistry,
): unknown {
  if (!isRegisteredJob(queue, name, registry)) {
    throw new JobPayloadError(queue, name, [
      { code: 'custom', path: [], message: 'no such job in the registry', input: data },
    ]);
  }
  const result = registry[queue][name].safeParse(data);
  if (!result.success) throw new JobPayloadError(queue, name, result.error.issues);
  return result.data;
}

import { Processor } from '@nestjs/bullmq';
import { PilotJob, QueueName } from '@pathways/queues';
import type { Job } from 'bullmq';
import { JobHandlerHost, type JobHandlers } from './job-handler.host';
import { PilotInvitationTimers } from './pilot-invitation-timers.service';
import { PilotNotifier } from './pilot-notifier.service';

@Processor(QueueName.Pilots)
export class PilotJobsProcessor extends JobHandlerHost<typeof QueueName.Pilots> {
  readonly queue = QueueName.Pilots;
  readonly handlers: JobHandlers<typeof QueueName.Pilots> = {
    [PilotJob.InvitationReceived]: (job: Job) => this.notifier.invitationReceived(job.data),
    [PilotJob.ScheduleInvitationTimers]: (job: Job) => this.timers.schedule(job.data),
    [PilotJob.RemindInvitation]: (job: Job) => this.timers.remind(job.data),
    [PilotJob.ExpireInvitation]: (job: Job) => this.timers.expire(job.data),
    [PilotJob.InvitationAnswered]: (job: Job) => this.notifier.invitationAnswered(job.data),
    [PilotJob.PilotStateChanged]: (job: Job) => this.notifier.stateChanged(job.data),
  };

  constructor(
    private readonly notifier: PilotNotifier,
    private readonly timers: PilotInvitationTimers,
  ) {
    super();
  }
}

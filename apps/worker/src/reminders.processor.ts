import { Processor } from '@nestjs/bullmq';
import { PilotReportJob, QueueName, ReminderJob } from '@pathways/queues';
import type { Job } from 'bullmq';
import { JobHandlerHost, type JobHandlers } from './job-handler.host';
import { PilotReportTimers } from './pilot-report-timers.service';
import { ReviewTimers } from './review-timers.service';

@Processor(QueueName.Reminders)
export class RemindersProcessor extends JobHandlerHost<typeof QueueName.Reminders> {
  readonly queue = QueueName.Reminders;
  readonly handlers: JobHandlers<typeof QueueName.Reminders> = {
    [ReminderJob.ExpireInvitation]: (job: Job) => this.timers.expireInvitation(job.data),
    [ReminderJob.ScheduleReviewReminders]: (job: Job) => this.timers.scheduleReminders(job.data),
    [ReminderJob.RemindReviewer]: (job: Job) => this.timers.remindReviewer(job.data),
    [ReminderJob.MarkOverdue]: (job: Job) => this.timers.markOverdue(job.data),
    [PilotReportJob.ScheduleReporting]: (job: Job) => this.pilotTimers.schedule(job.data),
    [PilotReportJob.RemindReport]: (job: Job) => this.pilotTimers.remind(job.data),
  };

  constructor(
    private readonly timers: ReviewTimers,
    private readonly pilotTimers: PilotReportTimers,
  ) {
    super();
  }
}

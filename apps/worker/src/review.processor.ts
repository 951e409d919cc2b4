import { Processor } from '@nestjs/bullmq';
import { QueueName, ReviewJob } from '@pathways/queues';
import type { Job } from 'bullmq';
import { JobHandlerHost, type JobHandlers } from './job-handler.host';
import { ReviewPanelService } from './review-panel.service';

@Processor(QueueName.Review)
export class ReviewProcessor extends JobHandlerHost<typeof QueueName.Review> {
  readonly queue = QueueName.Review;
  readonly handlers: JobHandlers<typeof QueueName.Review> = {
    [ReviewJob.InviteBackup]: (job: Job) => this.panel.inviteBackup(job.data),
    [ReviewJob.CheckPanel]: (job: Job) => this.panel.checkPanel(job.data),
    [ReviewJob.EscalateOverdue]: (job: Job) => this.panel.escalateOverdue(job.data),
  };

  constructor(private readonly panel: ReviewPanelService) {
    super();
  }
}

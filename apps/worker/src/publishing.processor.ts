import { Processor } from '@nestjs/bullmq';
import { PublishingJob, QueueName } from '@pathways/queues';
import type { Job } from 'bullmq';
import { JobHandlerHost, type JobHandlers } from './job-handler.host';
import { PublicationNotifier } from './publication-notifier.service';

@Processor(QueueName.Publishing)
export class PublishingProcessor extends JobHandlerHost<typeof QueueName.Publishing> {
  readonly queue = QueueName.Publishing;
  readonly handlers: JobHandlers<typeof QueueName.Publishing> = {
    [PublishingJob.PublishPractice]: (job: Job) =>
      this.publications.handle(PublishingJob.PublishPractice, job.data),
    [PublishingJob.RetractPractice]: (job: Job) =>
      this.publications.handle(PublishingJob.RetractPractice, job.data),
  };

  constructor(private readonly publications: PublicationNotifier) {
    super();
  }
}

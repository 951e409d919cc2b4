import { Processor } from '@nestjs/bullmq';
import { NotificationJob, QueueName } from '@pathways/queues';
import type { Job } from 'bullmq';
import { EmailService } from './email.service';
import { JobHandlerHost, type JobHandlers } from './job-handler.host';
import { PracticeNotifier } from './practice-notifier.service';
import { ReviewInvitationNotifier } from './review-invitation-notifier.service';

@Processor(QueueName.Notifications)
export class NotificationsProcessor extends JobHandlerHost<typeof QueueName.Notifications> {
  readonly queue = QueueName.Notifications;
  readonly handlers: JobHandlers<typeof QueueName.Notifications> = {
    [NotificationJob.SendEmail]: (job: Job) => this.email.send(String(job.id), job.data),
    [NotificationJob.PracticeSubmitted]: (job: Job) =>
      this.practices.handle(NotificationJob.PracticeSubmitted, job.data),
    [NotificationJob.PracticeDecided]: (job: Job) =>
      this.practices.handle(NotificationJob.PracticeDecided, job.data),
    [NotificationJob.RevisionWithdrawn]: (job: Job) =>
      this.practices.handle(NotificationJob.RevisionWithdrawn, job.data),
    [NotificationJob.ReviewInvited]: (job: Job) => this.invitations.handle(job.data),
  };

  constructor(
    private readonly email: EmailService,
    private readonly practices: PracticeNotifier,
    private readonly invitations: ReviewInvitationNotifier,
  ) {
    super();
  }
}

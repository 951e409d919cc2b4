import { Processor } from '@nestjs/bullmq';
import { HeartbeatJob, QueueName } from '@pathways/queues';
import type { Job } from 'bullmq';
import { HeartbeatService } from './heartbeat.service';
import { JobHandlerHost, type JobHandlers } from './job-handler.host';

@Processor(QueueName.Heartbeat)
export class HeartbeatProcessor extends JobHandlerHost<typeof QueueName.Heartbeat> {
  readonly queue = QueueName.Heartbeat;
  readonly handlers: JobHandlers<typeof QueueName.Heartbeat> = {
    [HeartbeatJob.Beat]: (job: Job) => this.heartbeat.beat(job.data),
  };

  constructor(private readonly heartbeat: HeartbeatService) {
    super();
  }
}

import { Module } from '@nestjs/common';
import { DashboardQueues } from './dashboard-queues';
import { MailLogController } from './mail-log.controller';
import { MailLogService } from './mail-log.service';
import { QueueDashboard } from './queue-dashboard';

@Module({
  controllers: [MailLogController],
  providers: [MailLogService, DashboardQueues, QueueDashboard],
})
export class AdminModule {}

import { Module } from '@nestjs/common';
import { WorkflowEventsController } from './workflow-events.controller';
import { WorkflowEventsService } from './workflow-events.service';
import { WorkflowRunner } from './workflow.runner';

@Module({
  controllers: [WorkflowEventsController],
  providers: [WorkflowRunner, WorkflowEventsService],
  exports: [WorkflowRunner, WorkflowEventsService],
})
export class WorkflowModule {}

import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { PracticesController } from './practices.controller';
import { PracticesService } from './practices.service';

@Module({
  imports: [WorkflowModule],
  controllers: [PracticesController],
  providers: [PracticesService],
})
export class PracticesModule {}

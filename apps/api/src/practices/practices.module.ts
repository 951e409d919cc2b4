import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { PracticeVersionsController } from './practice-versions.controller';
import { PracticeVersionsService } from './practice-versions.service';
import { PracticesController } from './practices.controller';
import { PracticesService } from './practices.service';

@Module({
  imports: [WorkflowModule],
  controllers: [PracticesController, PracticeVersionsController],
  providers: [PracticesService, PracticeVersionsService],
})
export class PracticesModule {}

import { Module } from '@nestjs/common';
import { PilotPracticesController } from './pilot-practices.controller';
import { PilotPracticesService } from './pilot-practices.service';

/** Good-practice drafts grown out of completed pilots (issue 5). */
@Module({
  controllers: [PilotPracticesController],
  providers: [PilotPracticesService],
})
export class PilotPracticesModule {}

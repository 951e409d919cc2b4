import { Module } from '@nestjs/common';
import { PilotMilestonesController } from './pilot-milestones.controller';
import { PilotMilestonesService } from './pilot-milestones.service';
import { PilotReportsController } from './pilot-reports.controller';
import { PilotReportsService } from './pilot-reports.service';

/** Milestones and progress reports of pilots, and their public reporting light (issue 5). */
@Module({
  controllers: [PilotMilestonesController, PilotReportsController],
  providers: [PilotMilestonesService, PilotReportsService],
})
export class PilotReportsModule {}

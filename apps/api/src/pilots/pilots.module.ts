import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { PilotPartnersController } from './pilot-partners.controller';
import { PilotPartnersService } from './pilot-partners.service';
import { PilotsController } from './pilots.controller';
import { PilotsService } from './pilots.service';

/** Pilot projects and their partners' invitations (issue 5). */
@Module({
  imports: [WorkflowModule],
  controllers: [PilotsController, PilotPartnersController],
  providers: [PilotsService, PilotPartnersService],
})
export class PilotsModule {}

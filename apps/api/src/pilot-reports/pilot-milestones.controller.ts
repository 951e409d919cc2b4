import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { type Caller, CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can, Public } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import {
  CreatePilotMilestoneDto,
  PilotMilestoneDto,
  PilotMilestoneListDto,
  RemovalQueryDto,
  UpdatePilotMilestoneDto,
} from './pilot-report.dto';
import { PilotMilestonesService } from './pilot-milestones.service';

@ApiTags('pilots')
@Controller('pilots/:pilotId/milestones')
export class PilotMilestonesController {
  constructor(private readonly milestones: PilotMilestonesService) {}

  /** By due date; public once the pilot is (from activation on). */
  @Get()
  @Public()
  @ZodResponse({ type: PilotMilestoneListDto })
  list(@Param('pilotId') pilotId: string, @CurrentCaller() caller: Caller) {
    return this.milestones.list(parseId(pilotId, 'pilot'), caller);
  }

  @Post()
  @Can('create', 'PilotMilestone')
  @ZodResponse({ status: 201, type: PilotMilestoneDto })
  create(
    @Param('pilotId') pilotId: string,
    @Body() body: CreatePilotMilestoneDto,
    @CurrentCaller() caller: SignedInCaller,
  ) {
    return this.milestones.create(parseId(pilotId, 'pilot'), body, caller);
  }

  @Patch(':id')
  @Can('update', 'PilotMilestone')
  @ZodResponse({ type: PilotMilestoneDto })
  update(
    @Param('pilotId') pilotId: string,
    @Param('id') id: string,
    @Body() body: UpdatePilotMilestoneDto,
    @CurrentCaller() caller: SignedInCaller,
  ) {
    return this.milestones.update(parseId(pilotId, 'pilot'), parseId(id, 'milestone'), body, caller);
  }

  /** Removes the milestone as it was at `version`: 409 when someone changed it since. */
  @Delete(':id')
  @Can('delete', 'PilotMilestone')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted.' })
  async remove(
    @Param('pilotId') pilotId: string,
    @Param('id') id: string,
    @Query() query: RemovalQueryDto,
    @CurrentCaller() caller: SignedInCaller,
  ): Promise<void> {
    await this.milestones.remove(parseId(pilotId, 'pilot'), parseId(id, 'milestone'), query, caller);
  }
}

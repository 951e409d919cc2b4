import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { type Caller, CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can, Public } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import {
  CreatePilotReportDto,
  PilotReportDto,
  PilotReportingDto,
  PilotReportListQueryDto,
  PilotReportPageDto,
  RemovalQueryDto,
  SubmitPilotReportDto,
  UpdatePilotReportDto,
} from './pilot-report.dto';
import { PilotReportsService } from './pilot-reports.service';

@ApiTags('pilots')
@Controller('pilots/:pilotId')
export class PilotReportsController {
  constructor(private readonly reports: PilotReportsService) {}

  /** Submitted reports (public once the pilot is), and the caller's own drafts; `state` keeps to one. */
  @Get('reports')
  @Public()
  @ZodResponse({ type: PilotReportPageDto })
  list(
    @Param('pilotId') pilotId: string,
    @Query() query: PilotReportListQueryDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.reports.list(parseId(pilotId, 'pilot'), query, caller);
  }

  /** A draft for the caller's own partner organisation; `compiled` only by the lead. */
  @Post('reports')
  @Can('create', 'PilotReport')
  @ZodResponse({ status: 201, type: PilotReportDto })
  create(
    @Param('pilotId') pilotId: string,
    @Body() body: CreatePilotReportDto,
    @CurrentCaller() caller: SignedInCaller,
  ) {
    return this.reports.create(parseId(pilotId, 'pilot'), body, caller);
  }

  @Get('reports/:id')
  @Public()
  @ZodResponse({ type: PilotReportDto })
  get(@Param('pilotId') pilotId: string, @Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.reports.get(parseId(pilotId, 'pilot'), parseId(id, 'report'), caller);
  }

  @Patch('reports/:id')
  @Can('update', 'PilotReport')
  @ZodResponse({ type: PilotReportDto })
  update(
    @Param('pilotId') pilotId: string,
    @Param('id') id: string,
    @Body() body: UpdatePilotReportDto,
    @CurrentCaller() caller: SignedInCaller,
  ) {
    return this.reports.update(parseId(pilotId, 'pilot'), parseId(id, 'report'), body, caller);
  }

  /** Files a draft: from then on it is public with the pilot and never changes. */
  @Post('reports/:id/submit')
  @Can('update', 'PilotReport')
  @HttpCode(200)
  @ZodResponse({ type: PilotReportDto })
  submit(
    @Param('pilotId') pilotId: string,
    @Param('id') id: string,
    @Body() body: SubmitPilotReportDto,
    @CurrentCaller() caller: SignedInCaller,
  ) {
    return this.reports.submit(parseId(pilotId, 'pilot'), parseId(id, 'report'), body, caller);
  }

  /** Throws away a draft of the caller's own organisation, as it was at `version`. */
  @Delete('reports/:id')
  @Can('delete', 'PilotReport')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Discarded.' })
  async discard(
    @Param('pilotId') pilotId: string,
    @Param('id') id: string,
    @Query() query: RemovalQueryDto,
    @CurrentCaller() caller: SignedInCaller,
  ): Promise<void> {
    await this.reports.discard(parseId(pilotId, 'pilot'), parseId(id, 'report'), query, caller);
  }

  /** The public traffic light: green, yellow after PILOT_REPORTING_YELLOW_AFTER, red after PILOT_REPORTING_RED_AFTER. */
  @Get('reporting')
  @Public()
  @ZodResponse({ type: PilotReportingDto })
  reporting(@Param('pilotId') pilotId: string, @CurrentCaller() caller: Caller) {
    return this.reports.reporting(parseId(pilotId, 'pilot'), caller);
  }
}

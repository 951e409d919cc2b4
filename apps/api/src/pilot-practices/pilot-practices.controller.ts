import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { type Caller, CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import { PracticeDto } from '../practices/practice.dto';
import { PilotPracticeListDto } from './pilot-practice.dto';
import { PilotPracticesService } from './pilot-practices.service';

@ApiTags('pilots')
@Controller('pilots')
export class PilotPracticesController {
  constructor(private readonly drafts: PilotPracticesService) {}

  /**
   * A good-practice draft of the lead organisation, pre-filled from the completed pilot and linked
   * to it (201). Asked again, it answers with the draft made the first time (200).
   */
  @Post(':id/practice-draft')
  @Can('create', 'Practice')
  @ZodResponse({ status: 201, type: PracticeDto, description: 'The new draft.' })
  @ApiOkResponse({ type: PracticeDto.Output, description: 'The draft made from this pilot before.' })
  async draft(
    @Param('id') id: string,
    @CurrentCaller() caller: SignedInCaller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { practice, created } = await this.drafts.draft(parseId(id, 'pilot'), caller);
    if (!created) void reply.status(200);
    return practice;
  }

  /** The good practices that grew out of the pilot, those the caller may read. */
  @Get(':id/practices')
  @Can('read', 'Pilot')
  @ZodResponse({ type: PilotPracticeListDto })
  list(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.drafts.list(parseId(id, 'pilot'), caller);
  }
}

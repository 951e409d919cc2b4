import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { type Caller, CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can, Public } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import { AvailableTransitionsDto, FireTransitionDto, WorkflowEventListDto } from '../workflow/workflow.dto';
import {
  CreatePracticeDto,
  PracticeDto,
  PracticeListQueryDto,
  PracticePageDto,
  UpdatePracticeDto,
} from './practice.dto';
import { PracticesService } from './practices.service';

@ApiTags('practices')
@Controller('practices')
export class PracticesController {
  constructor(private readonly practices: PracticesService) {}

  /** The public sees published practices; members their organisation's, editors all but drafts. */
  @Get()
  @Public()
  @ZodResponse({ type: PracticePageDto })
  list(@Query() query: PracticeListQueryDto, @CurrentCaller() caller: Caller) {
    return this.practices.list(query, caller);
  }

  @Post()
  @Can('create', 'Practice')
  @ZodResponse({ status: 201, type: PracticeDto })
  create(@Body() body: CreatePracticeDto, @CurrentCaller() caller: SignedInCaller) {
    return this.practices.create(body, caller);
  }

  @Get(':id')
  @Public()
  @ZodResponse({ type: PracticeDto })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.practices.get(parseId(id, 'practice'), caller);
  }

  /** Saves the content while the authors hold the practice (draft, or revisions requested). */
  @Patch(':id')
  @Can('update', 'Practice')
  @ZodResponse({ type: PracticeDto })
  update(@Param('id') id: string, @Body() body: UpdatePracticeDto, @CurrentCaller() caller: SignedInCaller) {
    return this.practices.update(parseId(id, 'practice'), body, caller);
  }

  /** What the caller may do next, each enabled or with the reason it is not. */
  @Get(':id/transitions')
  @Public()
  @ZodResponse({ type: AvailableTransitionsDto })
  transitions(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.practices.transitions(parseId(id, 'practice'), caller);
  }

  // The transition itself is checked against the practice (action = transition name) by the engine.
  @Post(':id/transitions/:name')
  @Can('read', 'Practice')
  @HttpCode(200)
  @ZodResponse({ type: PracticeDto })
  fire(
    @Param('id') id: string,
    @Param('name') name: string,
    @Body() body: FireTransitionDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.practices.fire(parseId(id, 'practice'), name, body, caller);
  }

  @Get(':id/events')
  @Public()
  @ZodResponse({ type: WorkflowEventListDto })
  events(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.practices.timeline(parseId(id, 'practice'), caller);
  }
}

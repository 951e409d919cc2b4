import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { type Caller, CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can, Public } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import { AvailableTransitionsDto, WorkflowEventListDto } from '../workflow/workflow.dto';
import {
  CreatePilotDto,
  FirePilotTransitionDto,
  PilotDto,
  PilotListQueryDto,
  PilotPageDto,
  UpdatePilotDto,
} from './pilot.dto';
import { PilotsService } from './pilots.service';

@ApiTags('pilots')
@Controller('pilots')
export class PilotsController {
  constructor(private readonly pilots: PilotsService) {}

  /** The public sees pilots from `active` on; partners their own and those they were invited to; editors all. */
  @Get()
  @Public()
  @ZodResponse({ type: PilotPageDto })
  list(@Query() query: PilotListQueryDto, @CurrentCaller() caller: Caller) {
    return this.pilots.list(query, caller);
  }

  /** A focal point of a verified organisation drafts a pilot it leads. */
  @Post()
  @Can('create', 'Pilot')
  @ZodResponse({ status: 201, type: PilotDto })
  create(@Body() body: CreatePilotDto, @CurrentCaller() caller: SignedInCaller) {
    return this.pilots.create(body, caller);
  }

  @Get(':id')
  @Public()
  @ZodResponse({ type: PilotDto })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.pilots.get(parseId(id, 'pilot'), caller);
  }

  /** Saves the proposal while it may change: draft, proposed or forming. */
  @Patch(':id')
  @Can('update', 'Pilot')
  @ZodResponse({ type: PilotDto })
  update(@Param('id') id: string, @Body() body: UpdatePilotDto, @CurrentCaller() caller: SignedInCaller) {
    return this.pilots.update(parseId(id, 'pilot'), body, caller);
  }

  /** What the caller may do next, each enabled or with the reason it is not (e.g. the activation guard). */
  @Get(':id/transitions')
  @Public()
  @ZodResponse({ type: AvailableTransitionsDto })
  transitions(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.pilots.transitions(parseId(id, 'pilot'), caller);
  }

  // The transition itself is checked against the pilot (action = transition name) by the engine.
  @Post(':id/transitions/:name')
  @Can('read', 'Pilot')
  @HttpCode(200)
  @ZodResponse({ type: PilotDto })
  fire(
    @Param('id') id: string,
    @Param('name') name: string,
    @Body() body: FirePilotTransitionDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.pilots.fire(parseId(id, 'pilot'), name, body, caller);
  }

  @Get(':id/events')
  @Public()
  @ZodResponse({ type: WorkflowEventListDto })
  events(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.pilots.timeline(parseId(id, 'pilot'), caller);
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Can } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import { ChainVerificationDto } from './workflow.dto';
import { WorkflowEventsService } from './workflow-events.service';

@ApiTags('admin')
@Controller('admin/workflow-events')
export class WorkflowEventsController {
  constructor(private readonly events: WorkflowEventsService) {}

  /** Recomputes the hash chain of one record's events; an edited or deleted event breaks it. */
  @Get(':entityType/:id/verify')
  @Can('read', 'AuditEvent')
  @ZodResponse({ type: ChainVerificationDto })
  verify(@Param('entityType') entityType: string, @Param('id') id: string) {
    return this.events.verify(entityType, parseId(id, 'record'));
  }
}

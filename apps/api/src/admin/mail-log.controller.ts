import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EmailDeliveryListQuery, EmailDeliveryPage } from '@pathways/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Can } from '../access/permission.decorator';
import { MailLogService } from './mail-log.service';

class EmailDeliveryListQueryDto extends createZodDto(EmailDeliveryListQuery) {}
class EmailDeliveryPageDto extends createZodDto(EmailDeliveryPage) {}

@ApiTags('admin')
@Controller('admin/emails')
export class MailLogController {
  constructor(private readonly mail: MailLogService) {}

  /** The mail log, newest first; `to` filters by part of the recipient's address. */
  @Get()
  @Can('read', 'EmailDelivery')
  @ZodResponse({ type: EmailDeliveryPageDto })
  list(@Query() query: EmailDeliveryListQueryDto) {
    return this.mail.list(query);
  }
}

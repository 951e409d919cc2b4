import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotificationDto, NotificationListQuery, NotificationPage } from '@pathways/contracts';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentCaller, type SignedInCaller } from '../access/caller';
import { Can } from '../access/permission.decorator';
import { parseId } from '../common/ids';
import { NotificationsService } from './notifications.service';

class NotificationItemDto extends createZodDto(NotificationDto) {}
class NotificationPageDto extends createZodDto(NotificationPage) {}
class NotificationListQueryDto extends createZodDto(NotificationListQuery) {}
class MarkedDto extends createZodDto(z.object({ marked: z.number().int() })) {}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's notifications, newest first, with the number still unread. */
  @Get()
  @Can('read', 'Notification')
  @ZodResponse({ type: NotificationPageDto })
  list(@Query() query: NotificationListQueryDto, @CurrentCaller() caller: SignedInCaller) {
    return this.notifications.list(query, caller);
  }

  @Post(':id/read')
  @Can('update', 'Notification')
  @HttpCode(200)
  @ZodResponse({ type: NotificationItemDto })
  markRead(@Param('id') id: string, @CurrentCaller() caller: SignedInCaller) {
    return this.notifications.markRead(parseId(id, 'notification'), caller);
  }

  @Post('read-all')
  @Can('update', 'Notification')
  @HttpCode(200)
  @ZodResponse({ type: MarkedDto })
  markAllRead(@CurrentCaller() caller: SignedInCaller) {
    return this.notifications.markAllRead(caller);
  }
}

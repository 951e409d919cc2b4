import { Module } from '@nestjs/common';
import { AttachmentStore } from './attachment.store';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';

@Module({
  controllers: [AttachmentsController],
  providers: [AttachmentsService, AttachmentStore],
})
export class AttachmentsModule {}

import { PracticeAttachment, PracticeAttachmentList } from '@pathways/contracts';
import { createZodDto } from 'nestjs-zod';

export type AttachmentView = PracticeAttachment;

export class AttachmentDto extends createZodDto(PracticeAttachment) {}
export class AttachmentListDto extends createZodDto(PracticeAttachmentList) {}

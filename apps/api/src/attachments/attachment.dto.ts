import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { acceptedMediaTypes } from './attachment.sniffer';

// Kept beside the API until the web app needs it; then it belongs in @pathways/contracts.
export const AttachmentSchema = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  filename: z.string().max(200),
  mediaType: z.enum(Object.values(acceptedMediaTypes) as [string, ...string[]]),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedById: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type AttachmentView = z.infer<typeof AttachmentSchema>;

export const AttachmentListSchema = z.object({ items: z.array(AttachmentSchema) });

export class AttachmentDto extends createZodDto(AttachmentSchema) {}
export class AttachmentListDto extends createZodDto(AttachmentListSchema) {}

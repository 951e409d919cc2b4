import { z } from 'zod';

/** The types accepted as attachments; the API reads the type from the content, never the name. */
export const attachmentMediaTypes = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
} as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[keyof typeof attachmentMediaTypes];

/** A document attached to a practice, e.g. an evaluation report. */
export const PracticeAttachment = z.object({
  id: z.uuid(),
  practiceId: z.uuid(),
  filename: z.string().max(200),
  mediaType: z.enum(Object.values(attachmentMediaTypes) as [string, ...string[]]),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedById: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type PracticeAttachment = z.infer<typeof PracticeAttachment>;

export const PracticeAttachmentList = z.object({ items: z.array(PracticeAttachment) });
export type PracticeAttachmentList = z.infer<typeof PracticeAttachmentList>;

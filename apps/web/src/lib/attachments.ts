import { attachmentMediaTypes } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';

type Label = () => string;

const typeLabels: Record<string, Label> = {
  [attachmentMediaTypes.pdf]: m.attachments_type_pdf,
  [attachmentMediaTypes.docx]: m.attachments_type_docx,
  [attachmentMediaTypes.odt]: m.attachments_type_odt,
  [attachmentMediaTypes.png]: m.attachments_type_png,
  [attachmentMediaTypes.jpeg]: m.attachments_type_jpeg,
};

/** A person's name for a file type, e.g. "PDF document"; unknown types show as they are. */
export const attachmentTypeLabel = (mediaType: string): string => typeLabels[mediaType]?.() ?? mediaType;

/** What the file picker offers: the accepted types by extension and by media type. */
export const acceptAttribute = [
  '.pdf',
  '.docx',
  '.odt',
  '.png',
  '.jpg',
  '.jpeg',
  ...Object.values(attachmentMediaTypes),
].join(',');

/** The API's default limit (ATTACHMENT_MAX_BYTES); the browser checks it first, the API decides. */
export const attachmentMaxBytes = 20 * 1024 * 1024;

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size for people, in the page's language: "512 bytes", "12 kB", "1.5 MB". */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

import { m } from '$lib/paraglide/messages';
import { actionFailure } from './failures';

/** Marks the attachment forms' answers, so the practice form beside them ignores them. */
export const attachmentTarget = 'attachments';

/** The file chosen in the upload form; browsers send an empty, nameless part when none was. */
export function chosenFile(data: FormData): File | null {
  const file = data.get('file');
  return file instanceof File && file.size > 0 && file.name !== '' ? file : null;
}

/** The API's refusals of a file (too large, not an accepted type) are said next to the file field. */
export const attachmentFailure = (cause: unknown) =>
  actionFailure(cause, {
    target: attachmentTarget,
    codes: {
      PAYLOAD_TOO_LARGE: () => m.attachments_error_too_large(),
      UNSUPPORTED_MEDIA_TYPE: () => m.attachments_error_type(),
    },
    codeFields: { PAYLOAD_TOO_LARGE: 'file', UNSUPPORTED_MEDIA_TYPE: 'file' },
    fields: { file: () => m.attachments_error_no_file() },
  });

import { describe, expect, it } from 'vitest';
import { ApiFailure } from './api-failure';
import { attachmentFailure, chosenFile } from './attachment-upload';

const refusal = (status: number, code: 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE') =>
  new ApiFailure(status, { statusCode: status, code, message: 'refused', requestId: 'r1' });

describe('chosenFile', () => {
  it('takes the chosen file, and treats the empty part of an empty file input as none', () => {
    const data = new FormData();
    data.set('file', new File(['%PDF-1.4'], 'report.pdf'));
    expect(chosenFile(data)?.name).toBe('report.pdf');

    const none = new FormData();
    none.set('file', new File([], ''));
    expect(chosenFile(none)).toBeNull();
    expect(chosenFile(new FormData())).toBeNull();
  });
});

describe('attachmentFailure', () => {
  it('says a file is too large, or of the wrong type, next to the file field', () => {
    const large = attachmentFailure(refusal(413, 'PAYLOAD_TOO_LARGE'));
    expect(large.status).toBe(413);
    expect(large.data.errors.file).toMatch(/too large/);
    expect(large.data.target).toBe('attachments');

    const wrong = attachmentFailure(refusal(415, 'UNSUPPORTED_MEDIA_TYPE'));
    expect(wrong.status).toBe(415);
    expect(wrong.data.errors.file).toMatch(/not a PDF, DOCX, ODT, PNG or JPEG/);
  });
});

import { describe, expect, it } from 'vitest';
import { acceptedMediaTypes, sniffMediaType } from './attachment.sniffer';

/** A ZIP local file header followed by its data; enough of a ZIP for the sniffer. */
function zipEntry(name: string, data: string, { stored = true, descriptor = false } = {}): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(descriptor ? 0x08 : 0, 6);
  header.writeUInt16LE(stored ? 0 : 8, 8);
  header.writeUInt32LE(descriptor ? 0 : data.length, 18);
  header.writeUInt32LE(descriptor ? 0 : data.length, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, Buffer.from(name), Buffer.from(data)]);
}

const zip = (...entries: Buffer[]) => Buffer.concat(entries);

describe('sniffMediaType', () => {
  it('recognises PDF, PNG and JPEG by their signatures', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.4\n%âãÏÓ\n'))).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toBe('image/png');
    expect(sniffMediaType(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('image/jpeg');
  });

  it('recognises DOCX by its content types and word/ parts, even with data descriptors', () => {
    const docx = zip(
      zipEntry('[Content_Types].xml', '<Types/>', { stored: false, descriptor: true }),
      zipEntry('_rels/.rels', '<Relationships/>'),
      zipEntry('word/document.xml', '<w:document/>', { stored: false }),
    );
    expect(sniffMediaType(docx)).toBe(acceptedMediaTypes.docx);
  });

  it('recognises ODT by its leading, uncompressed mimetype entry', () => {
    const odt = zip(zipEntry('mimetype', acceptedMediaTypes.odt), zipEntry('content.xml', '<office/>'));
    expect(sniffMediaType(odt)).toBe(acceptedMediaTypes.odt);
  });

  it('refuses other OpenDocument and Office files, and plain ZIPs', () => {
    const ods = zip(zipEntry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'));
    const xlsx = zip(zipEntry('[Content_Types].xml', '<Types/>'), zipEntry('xl/workbook.xml', '<x/>'));
    const compressedMimetype = zip(zipEntry('mimetype', acceptedMediaTypes.odt, { stored: false }));
    const plain = zip(zipEntry('readme.txt', 'hello'));
    for (const file of [ods, xlsx, compressedMimetype, plain]) expect(sniffMediaType(file)).toBeNull();
  });

  it('refuses executables, HTML, text and truncated input', () => {
    expect(sniffMediaType(Buffer.from('4d5a90000300000004000000ffff0000', 'hex'))).toBeNull();
    expect(sniffMediaType(Buffer.from('<!DOCTYPE html><script>alert(1)</script>'))).toBeNull();
    expect(sniffMediaType(Buffer.from(' %PDF-1.4'))).toBeNull();
    expect(sniffMediaType(Buffer.from('%PDF'))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
    expect(sniffMediaType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBeNull();
  });
});

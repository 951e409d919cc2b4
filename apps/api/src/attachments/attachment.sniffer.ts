import { type AttachmentMediaType, attachmentMediaTypes } from '@pathways/contracts';

/** The types accepted as attachments, by what their first bytes say (the list is the contract's). */
export const acceptedMediaTypes = attachmentMediaTypes;

export type AcceptedMediaType = AttachmentMediaType;

/** How many leading bytes the sniffer needs: enough for the ZIP entries at the start of DOCX files. */
export const sniffBytes = 64 * 1024;

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff]);
const pdf = Buffer.from('%PDF-', 'latin1');
const zipEntry = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Names of the ZIP local file headers found in `head`. Scanning for every header signature (rather
 * than hopping by compressed size) also copes with entries written with a trailing data descriptor.
 */
function zipEntries(head: Buffer): { name: string; dataOffset: number; stored: boolean }[] {
  const entries = [];
  for (let at = head.indexOf(zipEntry); at !== -1 && at + 30 <= head.length;) {
    const method = head.readUInt16LE(at + 8);
    const nameLength = head.readUInt16LE(at + 26);
    const extraLength = head.readUInt16LE(at + 28);
    const nameEnd = at + 30 + nameLength;
    if (nameEnd > head.length) break;
    entries.push({
      name: head.toString('latin1', at + 30, nameEnd),
      dataOffset: nameEnd + extraLength,
      stored: method === 0,
    });
    at = head.indexOf(zipEntry, nameEnd);
  }
  return entries;
}

function sniffZip(head: Buffer): AcceptedMediaType | null {
  const entries = zipEntries(head);
  // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the type itself.
  const first = entries[0];
  if (first?.name === 'mimetype' && first.stored) {
    const declared = head.toString(
      'latin1',
      first.dataOffset,
      first.dataOffset + acceptedMediaTypes.odt.length,
    );
    return declared === acceptedMediaTypes.odt ? acceptedMediaTypes.odt : null;
  }
  const names = entries.map((e) => e.name);
  if (names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('word/'))) {
    return acceptedMediaTypes.docx;
  }
  return null;
}

/** The media type of a file from its first bytes, or null when it is none of the accepted ones. */
export function sniffMediaType(head: Buffer): AcceptedMediaType | null {
  if (head.subarray(0, pdf.length).equals(pdf)) return acceptedMediaTypes.pdf;
  if (head.subarray(0, png.length).equals(png)) return acceptedMediaTypes.png;
  if (head.subarray(0, jpeg.length).equals(jpeg)) return acceptedMediaTypes.jpeg;
  if (head.subarray(0, zipEntry.length).equals(zipEntry)) return sniffZip(head);
  return null;
}

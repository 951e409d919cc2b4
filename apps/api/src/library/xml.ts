// Characters XML 1.0 cannot hold at all, even escaped: C0 controls but tab and line breaks,
// lone surrogates, and U+FFFE/U+FFFF.
const notXml =
  // eslint-disable-next-line no-control-regex -- these control characters are what is looked for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// A carriage return is written as a reference: a parser turns a literal one into a line feed.
const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#xD;',
};

/** Text safe in XML content and in quoted attribute values; characters XML forbids are dropped. */
export function xmlEscape(text: string): string {
  return text.replace(notXml, '').replace(/[&<>"'\r]/g, (c) => entities[c]);
}

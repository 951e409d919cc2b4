/**
 * RFC 4180 CSV: a field is quoted when it holds a comma, a double quote, a line break or edge
 * spaces, and a double quote inside is doubled. Lines end with CRLF.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (fields: (string | number | boolean | null | undefined)[]) =>
  `${fields.map(csvField).join(',')}\r\n`;

import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitiseFilename } from './attachment.filename';

describe('sanitiseFilename', () => {
  it('keeps only the last path segment, without control or special characters', () => {
    expect(sanitiseFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFilename('C:\\Users\\ana\\Informe final.pdf')).toBe('Informe final.pdf');
    expect(sanitiseFilename('a\u0000b\r\nc"<>|?*:.pdf')).toBe('abc.pdf');
    expect(sanitiseFilename('...hidden.pdf')).toBe('hidden.pdf');
  });

  it('falls back to a neutral name when nothing is left', () => {
    expect(sanitiseFilename(undefined)).toBe('attachment');
    expect(sanitiseFilename('  /  ')).toBe('attachment');
  });

  it('shortens long names to 200 characters, keeping the extension', () => {
    const name = sanitiseFilename(`${'ñ'.repeat(300)}.docx`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('ñ.docx')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Protección (v2).pdf')).toBe(
      `attachment; filename="Protecci_n (v2).pdf"; filename*=UTF-8''Protecci%C3%B3n%20%28v2%29.pdf`,
    );
  });
});

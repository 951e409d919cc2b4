import { describe, expect, it } from 'vitest';
import { acceptAttribute, attachmentTypeLabel, formatBytes } from './attachments';

describe('formatBytes', () => {
  it('uses the largest unit below 1024, with one decimal at most', () => {
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(12_800, 'en')).toBe('12.5 kB');
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
    expect(formatBytes(20 * 1024 * 1024, 'en')).toBe('20 MB');
  });

  it('writes numbers and units the way the page’s language does', () => {
    // Some languages put a no-break space before the unit.
    expect(formatBytes(12_800, 'fr')).toMatch(/^12,5\sko$/);
    expect(formatBytes(1.5 * 1024 * 1024, 'es')).toMatch(/^1,5\sMB$/);
  });
});

describe('attachment types', () => {
  it('names the accepted types and offers them in the file picker', () => {
    expect(attachmentTypeLabel('application/pdf')).toBe('PDF document');
    expect(attachmentTypeLabel('text/plain')).toBe('text/plain');
    expect(acceptAttribute.split(',')).toEqual(
      expect.arrayContaining(['.pdf', '.docx', '.odt', '.png', '.jpg', 'application/pdf']),
    );
  });
});

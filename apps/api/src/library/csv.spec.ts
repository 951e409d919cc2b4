import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv';

describe('csvField', () => {
  it('leaves plain text as it is', () => {
    expect(csvField('Kanlungan Centre')).toBe('Kanlungan Centre');
    expect(csvField(2024)).toBe('2024');
    expect(csvField(false)).toBe('false');
    expect(csvField(null)).toBe('');
  });

  it('quotes commas, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('"')).toBe('""""');
  });
});

describe('csvLine', () => {
  it('joins fields with commas and ends with CRLF', () => {
    expect(csvLine(['id', 'a,b', 3, null])).toBe('id,"a,b",3,\r\n');
  });
});

import { describe, expect, it } from 'vitest';
import { xmlEscape } from './xml';

describe('xmlEscape', () => {
  it('escapes markup characters for content and attributes', () => {
    expect(xmlEscape(`<b>Tom & "Jerry's"</b>`)).toBe('&lt;b&gt;Tom &amp; &quot;Jerry&apos;s&quot;&lt;/b&gt;');
    expect(xmlEscape('&amp;')).toBe('&amp;amp;');
  });

  it('drops characters XML cannot hold and keeps every other one', () => {
    expect(xmlEscape('a\u0000b\u0008c\u001Fd\uFFFEe')).toBe('abcde');
    expect(xmlEscape('tab\tline\nreturn\r\n')).toBe('tab\tline\nreturn&#xD;\n');
    expect(xmlEscape('🌍 lone \uD800 and \uDC00')).toBe('🌍 lone  and ');
    expect(xmlEscape('Trabajadoras domésticas — prud’hommes')).toBe('Trabajadoras domésticas — prud’hommes');
  });
});

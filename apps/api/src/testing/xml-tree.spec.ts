import { describe, expect, it } from 'vitest';
import { childText, parseXml } from './xml-tree';

describe('parseXml (the tests’ strict XML reader)', () => {
  it('reads elements, attributes and entities', () => {
    const root = parseXml(
      `<?xml version="1.0"?>\n<a x="1 &amp; 2"><b>Tom &amp; &lt;Jerry&gt; &#233;&#x41;</b><c y='z "q"'/></a>\n`,
    );
    expect(root.name).toBe('a');
    expect(root.attributes).toEqual({ x: '1 & 2' });
    expect(childText(root, 'b')).toBe('Tom & <Jerry> éA');
    expect(root.children[1]).toMatchObject({ name: 'c', attributes: { y: 'z "q"' } });
  });

  it('rejects XML that is not well-formed', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a>',
      '<a>x & y</a>',
      '<a>1 < 2</a>',
      '<a/><b/>',
      '<a x="1" x="2"/>',
      'text<a/>',
      '<a>\u0001</a>',
      '<a>&nbsp;</a>',
    ]) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });
});

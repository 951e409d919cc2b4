/** An element of a parsed XML document. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&([^;]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`Unterminated entity: ${whole}`);
    if (name in entities) return entities[name];
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1];
    if (code) return String.fromCodePoint(parseInt(code, 16));
    const decimal = /^#(\d+)$/.exec(name)?.[1];
    if (decimal) return String.fromCodePoint(Number(decimal));
    throw new Error(`Unknown entity: ${whole}`);
  });
}

/**
 * A strict reader of the XML our feeds write, for tests (no XML library is installed): it throws on
 * anything not well-formed — unbalanced or mismatched tags, bare `<` or `&`, duplicate attributes,
 * characters XML forbids, content after the root — and returns the root element.
 */
export function parseXml(xml: string): XmlElement {
  // eslint-disable-next-line no-control-regex -- these control characters are what is looked for
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml))
    throw new Error('Forbidden character');
  const token =
    /<\?[^?]*\?>|<!--[\s\S]*?-->|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (const match of xml.matchAll(token)) {
    const [whole, close, open, attributeText, selfClosing, text, stray] = match;
    if (stray)
      throw new Error(`Malformed markup at ${match.index}: ${xml.slice(match.index, match.index + 40)}`);
    if (whole.startsWith('<?') || whole.startsWith('<!--')) {
      if (whole.startsWith('<?') && match.index !== 0) throw new Error('Processing instruction after start');
      continue;
    }
    if (text !== undefined) {
      if (!stack.length) {
        if (text.trim()) throw new Error(`Text outside the root: ${text.trim().slice(0, 40)}`);
        continue;
      }
      // As XML parsers do, literal line breaks become \n before references are decoded.
      stack.at(-1)!.text += decode(text.replace(/\r\n?/g, '\n'));
      continue;
    }
    if (close) {
      const element = stack.pop();
      if (element?.name !== close) throw new Error(`</${close}> closes <${element?.name}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, name, double, single] of attributeText.matchAll(
      /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
    )) {
      if (name in attributes) throw new Error(`Duplicate attribute ${name}`);
      attributes[name] = decode((double ?? single).replace(/\r\n?/g, '\n'));
    }
    const element: XmlElement = { name: open, attributes, children: [], text: '' };
    if (stack.length) stack.at(-1)!.children.push(element);
    else if (root) throw new Error('A second root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length) throw new Error(`<${stack.at(-1)!.name}> is not closed`);
  if (!root) throw new Error('No root element');
  return root;
}

/** The children of an element with this name. */
export const childrenNamed = (element: XmlElement, name: string) =>
  element.children.filter((c) => c.name === name);

/** The text of the one child with this name. */
export function childText(element: XmlElement, name: string): string {
  const [child, ...more] = childrenNamed(element, name);
  if (!child || more.length) throw new Error(`Expected exactly one <${name}> in <${element.name}>`);
  return child.text;
}

import { xmlEscape } from './xml';

export interface AtomEntry {
  id: string;
  title: string;
  summary: string;
  link: string;
  published: Date;
  updated: Date;
  categories: string[];
  author: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  self: string;
  alternate: string;
  entries: AtomEntry[];
}

const element = (name: string, text: string) => `<${name}>${xmlEscape(text)}</${name}>`;
const link = (rel: string, href: string, type?: string) =>
  `<link rel="${rel}" href="${xmlEscape(href)}"${type ? ` type="${type}"` : ''}/>`;

// An empty feed still needs an <updated>; the epoch says "nothing yet" without changing per request.
const nothingYet = new Date(0);

/** An Atom 1.0 document (RFC 4287); every text goes through xmlEscape. */
export function atomFeed(feed: AtomFeed): string {
  const updated = feed.entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), nothingYet);
  const entries = feed.entries.map((e) =>
    [
      '  <entry>',
      `    ${element('id', e.id)}`,
      `    ${element('title', e.title)}`,
      `    ${element('updated', e.updated.toISOString())}`,
      `    ${element('published', e.published.toISOString())}`,
      `    <author>${element('name', e.author)}</author>`,
      `    ${link('alternate', e.link, 'text/html')}`,
      `    ${element('summary', e.summary)}`,
      ...e.categories.map((c) => `    <category term="${xmlEscape(c)}"/>`),
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title)}`,
    `  ${element('updated', updated.toISOString())}`,
    `  ${link('self', feed.self, 'application/atom+xml')}`,
    `  ${link('alternate', feed.alternate, 'text/html')}`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

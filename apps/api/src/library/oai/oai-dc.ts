import { xmlEscape } from '../xml';

/** The one metadata format every OAI-PMH repository must offer (§3.4): unqualified Dublin Core. */
export const oaiDcFormat = {
  prefix: 'oai_dc',
  schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
} as const;

/** What a practice says of itself in Dublin Core; lists may be empty, text never holds markup. */
export interface DublinCore {
  title: string;
  creator: string;
  subjects: string[];
  description: string;
  /** Day of publication, YYYY-MM-DD. */
  date: string;
  language: string;
  coverage: string[];
  identifier: string;
  rights: string | null;
}

const publisher = 'Pathways';
// DCMI Type Vocabulary first, then what kind of text it is.
const types = ['Text', 'Good practice'];

/** The <oai_dc:dc> element of one record, indented to sit inside <metadata>. */
export function dublinCore(dc: DublinCore, indent = '      '): string {
  const element = (name: string, text: string) => `${indent}  <dc:${name}>${xmlEscape(text)}</dc:${name}>`;
  return [
    `${indent}<oai_dc:dc xmlns:oai_dc="${oaiDcFormat.namespace}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${oaiDcFormat.namespace} ${oaiDcFormat.schema}">`,
    element('title', dc.title),
    element('creator', dc.creator),
    ...dc.subjects.map((s) => element('subject', s)),
    element('description', dc.description),
    element('publisher', publisher),
    element('date', dc.date),
    ...types.map((t) => element('type', t)),
    element('identifier', dc.identifier),
    element('language', dc.language),
    ...dc.coverage.map((c) => element('coverage', c)),
    ...(dc.rights ? [element('rights', dc.rights)] : []),
    `${indent}</oai_dc:dc>`,
  ].join('\n');
}

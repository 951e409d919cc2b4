import { xmlEscape } from '../xml';
import { type OaiError } from './oai-errors';

const oaiNamespace = 'http://www.openarchives.org/OAI/2.0/';
const xsi = 'http://www.w3.org/2001/XMLSchema-instance';

export const element = (name: string, text: string) => `<${name}>${xmlEscape(text)}</${name}>`;

export interface OaiEnvelope {
  responseDate: string;
  baseUrl: string;
  /** The request's arguments, or null when they may not be echoed (badVerb, badArgument). */
  echoed: Record<string, string> | null;
  /** The verb's element, or the errors instead. */
  body: string | readonly OaiError[];
}

/** A whole OAI-PMH response (§3.2): namespaces, schema location, date, request, then the answer. */
export function oaiResponse({ responseDate, baseUrl, echoed, body }: OaiEnvelope): string {
  const attributes = Object.entries(echoed ?? {})
    .map(([name, value]) => ` ${name}="${xmlEscape(value)}"`)
    .join('');
  const answer =
    typeof body === 'string'
      ? body
      : body.map((e) => `  <error code="${e.code}">${xmlEscape(e.message)}</error>`).join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<OAI-PMH xmlns="${oaiNamespace}" xmlns:xsi="${xsi}" xsi:schemaLocation="${oaiNamespace} ${oaiNamespace}OAI-PMH.xsd">`,
    `  ${element('responseDate', responseDate)}`,
    `  <request${attributes}>${xmlEscape(baseUrl)}</request>`,
    answer,
    '</OAI-PMH>',
    '',
  ].join('\n');
}

export interface OaiHeader {
  identifier: string;
  datestamp: string;
  setSpecs: string[];
  deleted: boolean;
}

/** A record's header; a deleted record says so and carries no metadata (§2.5.1). */
export function oaiHeader(header: OaiHeader, indent: string): string {
  return [
    `${indent}<header${header.deleted ? ' status="deleted"' : ''}>`,
    `${indent}  ${element('identifier', header.identifier)}`,
    `${indent}  ${element('datestamp', header.datestamp)}`,
    ...header.setSpecs.map((s) => `${indent}  ${element('setSpec', s)}`),
    `${indent}</header>`,
  ].join('\n');
}

export interface OaiTokenElement {
  token: string;
  completeListSize: number;
  cursor: number;
}

/** The resumption token of an incomplete list; on its last page, empty (§3.5). */
export const resumptionToken = ({ token, completeListSize, cursor }: OaiTokenElement) =>
  `    <resumptionToken completeListSize="${completeListSize}" cursor="${cursor}">${xmlEscape(token)}</resumptionToken>`;

/** The Identify description that tells harvesters how identifiers are made (oai-identifier). */
export function oaiIdentifierDescription(repositoryIdentifier: string, sampleIdentifier: string): string {
  const ns = 'http://www.openarchives.org/OAI/2.0/oai-identifier';
  return [
    '    <description>',
    `      <oai-identifier xmlns="${ns}" xmlns:xsi="${xsi}" xsi:schemaLocation="${ns} ${ns}.xsd">`,
    `        ${element('scheme', 'oai')}`,
    `        ${element('repositoryIdentifier', repositoryIdentifier)}`,
    `        ${element('delimiter', ':')}`,
    `        ${element('sampleIdentifier', sampleIdentifier)}`,
    '      </oai-identifier>',
    '    </description>',
  ].join('\n');
}

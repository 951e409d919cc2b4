import { oaiDcFormat } from './oai-dc';
import { type OaiDate, parseOaiDate } from './oai-dates';
import { type OaiError, oaiError } from './oai-errors';
import { decodeOaiToken, type OaiListPosition } from './oai-token';

export const oaiVerbs = [
  'Identify',
  'ListMetadataFormats',
  'ListSets',
  'GetRecord',
  'ListIdentifiers',
  'ListRecords',
] as const;
export type OaiVerb = (typeof oaiVerbs)[number];

interface VerbArguments {
  required: readonly string[];
  optional: readonly string[];
  /** An argument that must come alone with the verb (§3.5: resumptionToken). */
  exclusive?: string;
}

const list: VerbArguments = {
  required: ['metadataPrefix'],
  optional: ['from', 'until', 'set'],
  exclusive: 'resumptionToken',
};

/** The arguments each verb takes (§4). */
const verbArguments: Record<OaiVerb, VerbArguments> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: list,
  ListRecords: list,
};

/** A selective harvest: the format, the set and the datestamp range, and where the last page ended. */
export interface OaiListRequest {
  verb: 'ListIdentifiers' | 'ListRecords';
  metadataPrefix: string;
  set?: string;
  /** As given, for the next token. */
  from?: string;
  until?: string;
  /** Records refreshed at or after this instant... */
  since?: Date;
  /** ...and before this one (`until` includes its whole day or second). */
  before?: Date;
  after?: OaiListPosition['after'];
  cursor: number;
  /** completeListSize when resuming: counted once, on the first page. */
  size?: number;
}

export type OaiRequest =
  | { verb: 'Identify' }
  | { verb: 'ListMetadataFormats'; identifier?: string }
  | { verb: 'ListSets' }
  | { verb: 'GetRecord'; identifier: string; metadataPrefix: string }
  | OaiListRequest;

export interface OaiParsedRequest {
  /** The arguments as given, once each; echoed in the response unless one was bad. */
  arguments: Record<string, string>;
  request?: OaiRequest;
  errors: OaiError[];
}

const isVerb = (verb: string): verb is OaiVerb => (oaiVerbs as readonly string[]).includes(verb);

/** The range of a selective harvest, or the errors its dates make (§3.3.1). */
function dateRange(
  from: string | undefined,
  until: string | undefined,
): { since?: Date; before?: Date; errors: OaiError[] } {
  const errors: OaiError[] = [];
  const parse = (name: string, value: string | undefined): OaiDate | undefined => {
    if (value === undefined) return undefined;
    const date = parseOaiDate(value);
    if (!date)
      errors.push(oaiError('badArgument', `${name} must be a date YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.`));
    return date ?? undefined;
  };
  const since = parse('from', from);
  const till = parse('until', until);
  if (since && till) {
    if (since.granularity !== till.granularity)
      errors.push(oaiError('badArgument', 'from and until must have the same granularity.'));
    else if (since.start > till.start) errors.push(oaiError('badArgument', 'from is later than until.'));
  }
  return { since: since?.start, before: till?.end, errors };
}

function listRequest(verb: OaiListRequest['verb'], args: Map<string, string>): OaiRequest | OaiError[] {
  const token = args.get('resumptionToken');
  if (token !== undefined) {
    const position = decodeOaiToken(token);
    if (!position || position.verb !== verb)
      return [
        oaiError('badResumptionToken', `The resumptionToken is not one this repository issued for ${verb}.`),
      ];
    const range = dateRange(position.from, position.until);
    if (range.errors.length) return [oaiError('badResumptionToken', 'The resumptionToken holds a bad date.')];
    const { after, cursor, size, metadataPrefix, set, from, until } = position;
    return {
      verb,
      metadataPrefix,
      set,
      from,
      until,
      since: range.since,
      before: range.before,
      after,
      cursor,
      size,
    };
  }
  const [metadataPrefix, set, from, until] = ['metadataPrefix', 'set', 'from', 'until'].map((k) =>
    args.get(k),
  );
  const range = dateRange(from, until);
  if (range.errors.length) return range.errors;
  if (metadataPrefix !== oaiDcFormat.prefix) return [cannotDisseminate(metadataPrefix!)];
  return { verb, metadataPrefix, set, from, until, since: range.since, before: range.before, cursor: 0 };
}

const cannotDisseminate = (prefix: string) =>
  oaiError('cannotDisseminateFormat', `The metadata format "${prefix}" is not supported; use oai_dc.`);

/**
 * Reads a request's arguments (from the query string or the form body, in order) the way the
 * protocol asks (§3.1, §3.6): one verb, each argument once, only those the verb takes, the
 * exclusive resumptionToken alone, no empty values, dates in a supported granularity.
 */
export function parseOaiArguments(pairs: readonly (readonly [string, string])[]): OaiParsedRequest {
  const verbs = pairs.filter(([name]) => name === 'verb').map(([, value]) => value);
  const refuse = (...errors: OaiError[]): OaiParsedRequest => ({ arguments: {}, errors });
  if (!verbs.length) return refuse(oaiError('badVerb', 'The verb argument is missing.'));
  if (verbs.length > 1) return refuse(oaiError('badVerb', 'The verb argument is repeated.'));
  const [verb] = verbs;
  if (!isVerb(verb)) return refuse(oaiError('badVerb', `"${verb}" is not an OAI-PMH verb.`));

  const errors: OaiError[] = [];
  const args = new Map<string, string>();
  const repeated = new Set<string>();
  for (const [name, value] of pairs) {
    if (name === 'verb') continue;
    if (args.has(name)) repeated.add(name);
    else args.set(name, value);
  }
  for (const name of repeated) errors.push(oaiError('badArgument', `The argument ${name} is repeated.`));
  const taken = verbArguments[verb];
  const known = [...taken.required, ...taken.optional, ...(taken.exclusive ? [taken.exclusive] : [])];
  for (const name of args.keys()) {
    if (!known.includes(name)) errors.push(oaiError('badArgument', `${verb} takes no argument ${name}.`));
    else if (args.get(name) === '') errors.push(oaiError('badArgument', `The argument ${name} is empty.`));
  }
  if (taken.exclusive && args.has(taken.exclusive)) {
    if (args.size > 1)
      errors.push(oaiError('badArgument', `${taken.exclusive} is exclusive: give it with the verb alone.`));
  } else {
    for (const name of taken.required)
      if (!args.has(name)) errors.push(oaiError('badArgument', `${verb} needs the argument ${name}.`));
  }
  if (errors.length) return refuse(...errors);

  const given = { verb, ...Object.fromEntries(args) };
  const result = (request: OaiRequest | OaiError[]): OaiParsedRequest =>
    Array.isArray(request)
      ? { arguments: given, errors: request }
      : { arguments: given, request, errors: [] };
  switch (verb) {
    case 'Identify':
    case 'ListSets':
      // This repository never issues a token for its few sets.
      if (args.has('resumptionToken'))
        return result([oaiError('badResumptionToken', 'ListSets is complete in one response.')]);
      return result({ verb });
    case 'ListMetadataFormats':
      return result({ verb, identifier: args.get('identifier') });
    case 'GetRecord': {
      const metadataPrefix = args.get('metadataPrefix')!;
      if (metadataPrefix !== oaiDcFormat.prefix) return result([cannotDisseminate(metadataPrefix)]);
      return result({ verb, identifier: args.get('identifier')!, metadataPrefix });
    }
    case 'ListIdentifiers':
    case 'ListRecords':
      return result(listRequest(verb, args));
  }
}

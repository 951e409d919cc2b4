import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Where a list stopped, and what it lists: all a resumption token has to carry (§3.5). */
export interface OaiListPosition {
  verb: 'ListIdentifiers' | 'ListRecords';
  metadataPrefix: string;
  set?: string;
  from?: string;
  until?: string;
  /** The last record delivered, in the list's order: its refresh time (microseconds, UTC) and id. */
  after: { at: string; id: string };
  /** How many records were delivered before the next page. */
  cursor: number;
  /** completeListSize, counted on the first page. */
  size: number;
}

const tokenVersion = 1;
const optional = z.string().min(1).max(40).nullable();
const Payload = z.tuple([
  z.literal(tokenVersion),
  z.enum(['ListIdentifiers', 'ListRecords']),
  z.string().regex(/^[\w.!~*'()-]{1,40}$/),
  z
    .string()
    .regex(/^[\w.!~*'()-]+(:[\w.!~*'()-]+)*$/)
    .max(100)
    .nullable(),
  optional,
  optional,
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  z.uuid(),
  z.number().int().min(0).max(1_000_000_000),
  z.number().int().min(0).max(1_000_000_000),
]);

// The token names a position in a list anyone may read, so no secret is needed: the digest only
// makes an edited or truncated token fail as a bad token instead of harvesting from the wrong place.
const digest = (payload: string) => createHash('sha256').update(payload).digest('base64url').slice(0, 16);

/** An opaque, URL-safe token for the rest of a list. */
export function encodeOaiToken(position: OaiListPosition): string {
  const payload = Buffer.from(
    JSON.stringify([
      tokenVersion,
      position.verb,
      position.metadataPrefix,
      position.set ?? null,
      position.from ?? null,
      position.until ?? null,
      position.after.at,
      position.after.id,
      position.cursor,
      position.size,
    ]),
  ).toString('base64url');
  return `${payload}.${digest(payload)}`;
}

/** The position a token names, or null for anything this repository did not issue. */
export function decodeOaiToken(token: string): OaiListPosition | null {
  const match = /^([\w-]{1,1000})\.([\w-]{16})$/.exec(token);
  if (!match || digest(match[1]) !== match[2]) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = Payload.safeParse(json);
  if (!parsed.success) return null;
  const [, verb, metadataPrefix, set, from, until, at, id, cursor, size] = parsed.data;
  return {
    verb,
    metadataPrefix,
    ...(set === null ? {} : { set }),
    ...(from === null ? {} : { from }),
    ...(until === null ? {} : { until }),
    after: { at, id },
    cursor,
    size,
  };
}

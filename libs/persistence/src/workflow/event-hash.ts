import { createHash } from 'node:crypto';

export interface HashedEventFields {
  workflow: string;
  entityType: string;
  entityId: string;
  sequence: number;
  transition: string;
  fromState: string;
  toState: string;
  actorId: string | null;
  payload: Record<string, unknown> | null;
  createdAt: Date;
}

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function eventHash(prevHash: string | null, event: HashedEventFields): string {
  // Exactly these fields, whatever else the object carries (an entity also has its id and hashes).
  const content = canonicalJson({
    workflow: event.workflow,
    entityType: event.entityType,
    entityId: event.entityId,
    sequence: event.sequence,
    transition: event.transition,
    fromState: event.fromState,
    toState: event.toState,
    actorId: event.actorId,
    payload: event.payload,
    createdAt: event.createdAt.toISOString(),
    prevHash,
  });
  return createHash('sha256').update(content).digest('hex');
}

export type ChainVerdict =
  { valid: true; events: number } | { valid: false; brokenAt: number; reason: string };

/** Recomputes every hash in sequence order; the first mismatch is where the log was tampered with. */
export function verifyChain(
  events: readonly (HashedEventFields & { prevHash: string | null; hash: string })[],
): ChainVerdict {
  let previous: string | null = null;
  for (const [index, event] of events.entries()) {
    if (event.sequence !== index + 1)
      return { valid: false, brokenAt: index + 1, reason: 'an event is missing' };
    if (event.prevHash !== previous)
      return { valid: false, brokenAt: event.sequence, reason: 'the link to the previous event is broken' };
    if (eventHash(previous, event) !== event.hash) {
      return { valid: false, brokenAt: event.sequence, reason: 'the event was changed after it was written' };
    }
    previous = event.hash;
  }
  return { valid: true, events: events.length };
}

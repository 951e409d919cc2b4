import { z } from 'zod';
import { notFound } from './domain-error';

const Uuid = z.uuid();

/** A malformed id names no record, so it is answered like a missing one. */
export function parseId(raw: string, what: string): string {
  if (!Uuid.safeParse(raw).success) throw notFound(what);
  return raw;
}

/** Escapes LIKE wildcards so a search for "50%" means the text, not a pattern. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * OAI-PMH datestamps (§3.3): UTC, either a day (YYYY-MM-DD) or a second (YYYY-MM-DDThh:mm:ssZ),
 * the finest granularity this repository supports. Anything else is a bad argument.
 */
export type OaiGranularity = 'day' | 'second';

export interface OaiDate {
  granularity: OaiGranularity;
  /** The first instant the value covers. */
  start: Date;
  /** The first instant after it: `until` includes its whole day or second. */
  end: Date;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const secondPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** A day or second datestamp, or null when it is malformed or no such date exists (2026-02-30). */
export function parseOaiDate(value: string): OaiDate | null {
  const parts = secondPattern.exec(value) ?? dayPattern.exec(value);
  if (!parts) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = parts.slice(1).map(Number);
  const start = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls over out-of-range fields (and reads years below 100 as 19xx); a real date
  // reads back the same.
  if (
    start.getUTCFullYear() !== year ||
    start.getUTCMonth() !== month - 1 ||
    start.getUTCDate() !== day ||
    start.getUTCHours() !== hour ||
    start.getUTCMinutes() !== minute ||
    start.getUTCSeconds() !== second
  )
    return null;
  const granularity: OaiGranularity = parts.length > 4 ? 'second' : 'day';
  const end = new Date(start.getTime() + (granularity === 'day' ? 86_400_000 : 1000));
  return { granularity, start, end };
}

/** The datestamp of an instant at the repository's granularity (seconds, truncated). */
export const oaiDatestamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

import type { Highlighted } from '@pathways/contracts';

export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Splits highlighted text into plain and marked runs, so a page renders <mark> around the matched
 * words without inserting HTML. Offsets are string indices, [start, end); ranges that fall outside
 * the text are clipped, empty or inverted ones dropped, and overlapping or touching ones merged, so
 * whatever the API sends, every character is shown exactly once.
 */
export function highlightSegments({ text, marks }: Highlighted): Segment[] {
  const ranges = marks
    .map(([start, end]) => [
      Math.max(0, Math.min(start, text.length)),
      Math.max(0, Math.min(end, text.length)),
    ])
    .filter(([start, end]) => start! < end!)
    .sort((a, b) => a[0]! - b[0]!) as [number, number][];

  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }

  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

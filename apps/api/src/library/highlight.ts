import type { Highlighted } from '@pathways/contracts';

/**
 * Markers ts_headline puts around matched words: private-use characters, stripped from the stored
 * text before highlighting, so they can only come from PostgreSQL.
 */
export const markStart = '\uE000';
export const markStop = '\uE001';
export const headlineMarkers = markStart + markStop;
export const headlineOptions = `HighlightAll=true, StartSel="${markStart}", StopSel="${markStop}"`;

/**
 * Turns ts_headline output into plain text plus [start, end) ranges (UTF-16 offsets, as JavaScript
 * slices strings). Parts of one hyphenated word ("Pre-departure") become one range.
 */
export function highlighted(marked: string): Highlighted {
  let text = '';
  const marks: [number, number][] = [];
  let start = -1;
  for (const char of marked) {
    if (char === markStart) start = text.length;
    else if (char === markStop) {
      if (start < 0) continue;
      const previous = marks.at(-1);
      const gap = previous ? text.slice(previous[1], start) : null;
      if (previous && (gap === '' || gap === '-')) previous[1] = text.length;
      else marks.push([start, text.length]);
      start = -1;
    } else text += char;
  }
  return { text, marks };
}

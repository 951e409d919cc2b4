/** One bar of a statistics chart: what it counts, its label, and its length on the chart. */
export interface Bar {
  key: string;
  label: string;
  count: number;
  /** Share of the plot's length, 0 to 1, relative to the largest count. */
  ratio: number;
}

/**
 * Bars scaled to the largest count, so the longest fills the plot; a count of zero gets no length.
 * Order is kept: the caller decides whether most come first or years run in order.
 */
export function scaledBars(items: readonly { key: string; label: string; count: number }[]): Bar[] {
  const largest = Math.max(0, ...items.map((i) => i.count));
  return items.map((item) => ({ ...item, ratio: largest > 0 ? Math.max(0, item.count) / largest : 0 }));
}

/** A label cut to fit beside its bar, whole when short enough. */
export const clipped = (text: string, max = 42): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

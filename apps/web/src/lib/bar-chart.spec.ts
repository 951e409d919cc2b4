import { describe, expect, it } from 'vitest';
import { clipped, scaledBars } from './bar-chart';

describe('scaledBars', () => {
  it('scales each bar to the largest count and keeps the order', () => {
    const bars = scaledBars([
      { key: '2019', label: '2019', count: 1 },
      { key: '2024', label: '2024', count: 4 },
      { key: '2025', label: '2025', count: 0 },
    ]);
    expect(bars.map((b) => [b.key, b.ratio])).toEqual([
      ['2019', 0.25],
      ['2024', 1],
      ['2025', 0],
    ]);
  });

  it('gives no length at all when nothing is counted', () => {
    expect(scaledBars([{ key: 'a', label: 'A', count: 0 }])[0].ratio).toBe(0);
    expect(scaledBars([])).toEqual([]);
  });
});

describe('clipped', () => {
  it('cuts long labels with an ellipsis and leaves short ones whole', () => {
    expect(clipped('Asia', 10)).toBe('Asia');
    expect(clipped('Remittances, savings and productive investment', 12)).toBe('Remittances…');
    expect(clipped('Remittances, savings and productive investment', 12)).toHaveLength(12);
  });
});

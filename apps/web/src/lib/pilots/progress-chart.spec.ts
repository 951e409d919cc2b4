import { describe, expect, it } from 'vitest';
import { progressGroups, shareOfTarget } from './progress-chart';

describe('shareOfTarget', () => {
  it('gives actual over target, above 1 when the target is exceeded', () => {
    expect(shareOfTarget(75, 100)).toBe(0.75);
    expect(shareOfTarget(100, 100)).toBe(1);
    expect(shareOfTarget(150, 100)).toBe(1.5);
    expect(shareOfTarget(0, 40)).toBe(0);
  });

  it('has no share without both figures or with a target of zero or less', () => {
    expect(shareOfTarget(null, 100)).toBeNull();
    expect(shareOfTarget(undefined, 100)).toBeNull();
    expect(shareOfTarget(20, null)).toBeNull();
    expect(shareOfTarget(20, 0)).toBeNull();
    expect(shareOfTarget(20, -5)).toBeNull();
    expect(shareOfTarget(Number.NaN, 10)).toBeNull();
  });
});

describe('progressGroups', () => {
  it('scales each indicator to its own largest figure, target or actual, and keeps the order', () => {
    const groups = progressGroups([
      { indicator: 'Trained', target: { women: 200, men: 100 }, actual: { women: 150, men: 120 } },
      { indicator: 'Savings', unit: 'USD', target: { women: 10 }, actual: { women: 40, men: 20 } },
    ]);
    expect(groups.map((g) => [g.key, g.indicator, g.unit])).toEqual([
      [0, 'Trained', null],
      [1, 'Savings', 'USD'],
    ]);
    expect(groups[0].bars).toEqual([
      { sex: 'women', actual: 150, target: 200, share: 0.75, ratio: 0.75, targetRatio: 1 },
      { sex: 'men', actual: 120, target: 100, share: 1.2, ratio: 0.6, targetRatio: 0.5 },
    ]);
    expect(groups[1].bars).toEqual([
      { sex: 'women', actual: 40, target: 10, share: 4, ratio: 1, targetRatio: 0.25 },
      { sex: 'men', actual: 20, target: null, share: null, ratio: 0.5, targetRatio: null },
    ]);
  });

  it('draws a target with nothing reported yet as a line without a bar', () => {
    const [group] = progressGroups([{ indicator: 'Placed', target: { women: 50, men: 25 }, actual: {} }]);
    expect(group.bars.map((b) => [b.ratio, b.targetRatio, b.share])).toEqual([
      [0, 1, null],
      [0, 0.5, null],
    ]);
  });

  it('leaves out indicators with no figure and gives nothing for no indicators', () => {
    const groups = progressGroups([
      { indicator: 'Empty', target: { women: null }, actual: { men: null } },
      { indicator: 'Zero', target: { women: 0 }, actual: { women: 0 } },
    ]);
    expect(groups.map((g) => [g.key, g.indicator])).toEqual([[1, 'Zero']]);
    // All zero: nothing to scale by, so no length rather than a division by zero.
    expect(groups[0].bars[0]).toMatchObject({ ratio: 0, targetRatio: 0, share: null });
    expect(progressGroups([])).toEqual([]);
  });

  it('gives a negative figure no length', () => {
    const [group] = progressGroups([{ indicator: 'Change', target: { women: 10 }, actual: { women: -5 } }]);
    expect(group.bars[0]).toMatchObject({ ratio: 0, share: -0.5 });
  });
});

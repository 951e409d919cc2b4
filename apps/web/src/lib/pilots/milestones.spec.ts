import { describe, expect, it } from 'vitest';
import { byDueDate, clampedProgress, type Milestone } from './milestones';

const milestone = (title: string, dueDate: string): Milestone => ({
  title,
  dueDate,
  status: 'planned',
  progress: 0,
});

describe('clampedProgress', () => {
  it('keeps whole figures between 0 and 100', () => {
    expect([-5, 0, 42.4, 42.6, 100, 130].map(clampedProgress)).toEqual([0, 0, 42, 43, 100, 100]);
    expect(clampedProgress(Number.NaN)).toBe(0);
  });
});

describe('byDueDate', () => {
  it('puts the earliest due first and keeps the given order between equal dates', () => {
    const ordered = byDueDate([
      milestone('Report', '2026-09-30'),
      milestone('Launch', '2026-01-15'),
      milestone('Training B', '2026-03-01'),
      milestone('Training A', '2026-03-01'),
    ]);
    expect(ordered.map((m) => m.title)).toEqual(['Launch', 'Training B', 'Training A', 'Report']);
  });

  it('gives nothing for no milestones and leaves its input alone', () => {
    expect(byDueDate([])).toEqual([]);
    const input = [milestone('B', '2026-02-01'), milestone('A', '2026-01-01')];
    byDueDate(input);
    expect(input.map((m) => m.title)).toEqual(['B', 'A']);
  });
});

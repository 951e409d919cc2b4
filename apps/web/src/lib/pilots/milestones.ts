import type { PilotMilestoneStatus } from '@pathways/contracts';

export type MilestoneStatus = PilotMilestoneStatus;

export interface Milestone {
  title: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  status: MilestoneStatus;
  /** 0 to 100. */
  progress: number;
}

/** A progress figure fit for `<progress max="100">`: whole, between 0 and 100, 0 when not a number. */
export const clampedProgress = (progress: number): number =>
  Number.isFinite(progress) ? Math.round(Math.min(100, Math.max(0, progress))) : 0;

/** Milestones by due date, earliest first; the order given is kept between equal dates. */
export const byDueDate = (milestones: readonly Milestone[]): Milestone[] =>
  milestones
    .map((milestone, index) => ({ milestone, index }))
    .sort((a, b) => a.milestone.dueDate.localeCompare(b.milestone.dueDate) || a.index - b.index)
    .map(({ milestone }) => milestone);

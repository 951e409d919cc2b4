import { Practice, type ReviewAssignment, ReviewAssignmentList } from '@pathways/contracts';
import { unlessMissing } from './optional';

export interface QueueItem {
  assignment: ReviewAssignment;
  /** Null once the reviewer may no longer read it (declined or expired invitations). */
  practice: Practice | null;
}

/** The caller's review assignments, each with the practice it is about when the reviewer may read it. */
export async function reviewerQueue(api: App.Locals['api']): Promise<QueueItem[]> {
  const { items } = await api.get('/api/review-assignments', ReviewAssignmentList);
  const ids = [...new Set(items.map((a) => a.practiceId))];
  const practices = new Map(
    await Promise.all(
      ids.map(async (id) => [id, await unlessMissing(api.get(`/api/practices/${id}`, Practice))] as const),
    ),
  );
  return items.map((assignment) => ({ assignment, practice: practices.get(assignment.practiceId) ?? null }));
}

/** One of the caller's assignments (there is no single-assignment route: the list is the caller's own). */
export async function reviewerAssignment(api: App.Locals['api'], id: string): Promise<QueueItem | null> {
  const { items } = await api.get('/api/review-assignments', ReviewAssignmentList);
  const assignment = items.find((a) => a.id === id);
  if (!assignment) return null;
  return {
    assignment,
    practice: await unlessMissing(api.get(`/api/practices/${assignment.practiceId}`, Practice)),
  };
}

import { loadFailure } from '$lib/server/failures';
import { requireAbility } from '$lib/server/guard';
import { reviewerQueue, type QueueItem } from '$lib/server/reviewer-queue';
import type { PageServerLoad } from './$types';

const byDate =
  (date: (item: QueueItem) => string | null, direction: 1 | -1) => (a: QueueItem, b: QueueItem) =>
    direction * (date(a) ?? '').localeCompare(date(b) ?? '');

export const load: PageServerLoad = async ({ locals, url }) => {
  requireAbility(locals, url, 'submit', 'ReviewAssignment');
  try {
    const queue = await reviewerQueue(locals.api);
    const having = (...statuses: string[]) =>
      queue.filter((item) => statuses.includes(item.assignment.status));
    return {
      // Soonest deadline first; the latest submitted review first.
      invitations: having('invited').sort(byDate((i) => i.assignment.respondBy, 1)),
      inProgress: having('accepted', 'overdue').sort(byDate((i) => i.assignment.dueAt, 1)),
      submitted: having('submitted').sort(byDate((i) => i.assignment.submittedAt, -1)),
      closed: having('declined', 'expired').sort(byDate((i) => i.assignment.invitedAt, -1)),
    };
  } catch (cause) {
    loadFailure(cause);
  }
};

import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { applyTransition, ReviewAssignment, StaleRecordError } from '@pathways/persistence';
import { parseJobPayload, QueueName, ReminderJob } from '@pathways/queues';
import { decide, reviewAssignmentWorkflow } from '@pathways/workflow';

export type TimerOutcome = { done: 'expired' } | { skipped: string };

/**
 * Timers of the review workflow. A job fires when its delay ends, then re-checks the state: an
 * invitation answered meanwhile is left alone.
 */
@Injectable()
export class ReviewTimers {
  constructor(private readonly em: EntityManager) {}

  async expireInvitation(data: unknown, now = new Date()): Promise<TimerOutcome> {
    const { assignmentId } = parseJobPayload(QueueName.Reminders, ReminderJob.ExpireInvitation, data);
    const em = this.em.fork();
    const assignment = await em.findOne(ReviewAssignment, { id: assignmentId });
    if (!assignment) return { skipped: 'the invitation no longer exists' };
    if (assignment.respondBy > now) return { skipped: 'the invitation is still open' };
    // The system, not a person, fires timers: the workflow's own rules are the only check.
    const decision = decide(
      reviewAssignmentWorkflow,
      assignment.status,
      'expire',
      { conflictDeclared: false, missingReviewFields: [] },
      () => true,
    );
    if (!decision.ok) return { skipped: `the invitation is ${assignment.status}` };
    try {
      await em.transactional((tx) =>
        applyTransition(tx, {
          entity: ReviewAssignment,
          entityType: 'ReviewAssignment',
          workflow: reviewAssignmentWorkflow.name,
          record: assignment,
          transition: 'expire',
          from: decision.from,
          to: decision.to,
          effects: decision.effects,
          actorId: null,
          payload: { practiceId: assignment.practice.id, respondBy: assignment.respondBy.toISOString() },
        }),
      );
    } catch (error) {
      // Answered in the same instant: the reviewer's action stands.
      if (error instanceof StaleRecordError) return { skipped: 'the invitation changed meanwhile' };
      throw error;
    }
    return { done: 'expired' };
  }
}

import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { policyDays } from '@pathways/contracts';
import { applyTransition, loadReviewPolicy, ReviewAssignment, StaleRecordError } from '@pathways/persistence';
import {
  parseJobPayload,
  QueueName,
  ReminderJob,
  type ReminderMoment,
  ReviewJob,
  reviewTimerIds,
} from '@pathways/queues';
import { decide, type ReviewAssignmentTransition, reviewAssignmentWorkflow } from '@pathways/workflow';
import { formatWhen, NoticeSender } from './notice.sender';
import { OutboxProducer } from './outbox.producer';
import { practiceTitle } from './recipients';
import { reviewReminderText } from './review-reminder.text';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

export type TimerOutcome = { done: string; [detail: string]: unknown } | { skipped: string };

/** States of a review that is still being written: the only ones reminders and escalation concern. */
export const reviewInProgress: readonly ReviewAssignment['status'][] = ['accepted', 'overdue'];
/** Practice states in which a panel is at work. */
export const reviewingStates: readonly string[] = ['screening', 'in_review'];

/**
 * Timers of the review workflow. Each job fires when its delay ends, then re-reads the assignment:
 * a timer that no longer applies (an invitation answered, a review submitted, a practice decided)
 * does nothing and says why.
 */
@Injectable()
export class ReviewTimers {
  constructor(
    private readonly em: EntityManager,
    private readonly producer: OutboxProducer,
    private readonly notices: NoticeSender,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async expireInvitation(data: unknown, now = new Date()): Promise<TimerOutcome> {
    const { assignmentId } = parseJobPayload(QueueName.Reminders, ReminderJob.ExpireInvitation, data);
    const em = this.em.fork();
    const assignment = await em.findOne(ReviewAssignment, { id: assignmentId });
    if (!assignment) return { skipped: 'the invitation no longer exists' };
    if (assignment.respondBy > now) return { skipped: 'the invitation is still open' };
    return this.fire(em, assignment, 'expire', 'the invitation', {
      respondBy: assignment.respondBy.toISOString(),
    });
  }

  /**
   * The accept effect: sets the review's timers as delayed jobs with deterministic ids, so a re-run
   * adds none twice. Times come from the due date and the policy in force at acceptance; each timer
   * re-checks the policy's switches when it fires.
   */
  async scheduleReminders(data: unknown, now = new Date()): Promise<TimerOutcome> {
    const effect = parseJobPayload(QueueName.Reminders, ReminderJob.ScheduleReviewReminders, data);
    const em = this.em.fork();
    const assignment = await em.findOne(ReviewAssignment, { id: effect.entityId });
    if (!assignment) return { skipped: 'the review no longer exists' };
    if (!reviewInProgress.includes(assignment.status))
      return { skipped: `the review is ${assignment.status}` };
    if (!assignment.dueAt) return { skipped: 'the review has no due date' };
    const policy = await loadReviewPolicy(em);
    const due = assignment.dueAt.getTime();
    const days = (n: number) => policyDays(n, this.config.daySeconds);
    const delay = (at: number) => ({ delay: Math.max(0, at - now.getTime()) });
    const assignmentId = assignment.id;
    const scheduled: string[] = [];

    const remind = async (moment: ReminderMoment, at: number) => {
      const jobId = reviewTimerIds[moment](assignmentId);
      await this.producer.add(
        QueueName.Reminders,
        ReminderJob.RemindReviewer,
        { assignmentId, moment },
        { jobId, ...delay(at) },
      );
      scheduled.push(jobId);
    };
    if (policy.remindBeforeDueDays > 0) await remind('before_due', due - days(policy.remindBeforeDueDays));
    if (policy.remindOnDue) await remind('on_due', due);
    if (policy.remindAfterDueDays > 0) await remind('after_due', due + days(policy.remindAfterDueDays));
    await this.producer.add(
      QueueName.Reminders,
      ReminderJob.MarkOverdue,
      { assignmentId },
      { jobId: reviewTimerIds.overdue(assignmentId), ...delay(due) },
    );
    scheduled.push(reviewTimerIds.overdue(assignmentId));
    await this.producer.add(
      QueueName.Review,
      ReviewJob.EscalateOverdue,
      { assignmentId },
      { jobId: reviewTimerIds.escalate(assignmentId), ...delay(due + days(policy.escalateAfterOverdueDays)) },
    );
    scheduled.push(reviewTimerIds.escalate(assignmentId));
    return { done: 'scheduled', timers: scheduled };
  }

  /** A reminder to the reviewer, in their language, if the review is still being written. */
  async remindReviewer(data: unknown): Promise<TimerOutcome> {
    const { assignmentId, moment } = parseJobPayload(QueueName.Reminders, ReminderJob.RemindReviewer, data);
    const em = this.em.fork();
    const assignment = await em.findOne(
      ReviewAssignment,
      { id: assignmentId },
      { populate: ['practice', 'practiceVersion', 'reviewer'] },
    );
    const stale = reviewNoLongerDue(assignment);
    if (stale) return { skipped: stale };
    const { practice, practiceVersion, reviewer, dueAt } = assignment!;
    const policy = await loadReviewPolicy(em);
    const off =
      (moment === 'before_due' && policy.remindBeforeDueDays === 0) ||
      (moment === 'on_due' && !policy.remindOnDue) ||
      (moment === 'after_due' && policy.remindAfterDueDays === 0);
    if (off) return { skipped: `${moment.replace('_', ' ')} reminders are off` };
    const title = practiceTitle(practiceVersion.content, practice.slug);
    const notified = await this.notices.sendEach(em, [reviewer], (_, locale) => {
      const facts = { practice: title, dueAt: formatWhen(dueAt!, locale) };
      const text = reviewReminderText[moment][locale];
      return {
        kind: `review_reminder_${moment}`,
        sourceId: assignmentId,
        title: text.title(facts),
        body: text.body(facts),
        link: `/reviews/${assignmentId}`,
      };
    });
    return { done: 'reminded', notified };
  }

  /** At the due date: an accepted review not yet submitted becomes overdue. */
  async markOverdue(data: unknown, now = new Date()): Promise<TimerOutcome> {
    const { assignmentId } = parseJobPayload(QueueName.Reminders, ReminderJob.MarkOverdue, data);
    const em = this.em.fork();
    const assignment = await em.findOne(ReviewAssignment, { id: assignmentId });
    if (!assignment) return { skipped: 'the review no longer exists' };
    if (!assignment.dueAt || assignment.dueAt > now) return { skipped: 'the review is not due yet' };
    return this.fire(em, assignment, 'mark_overdue', 'the review', {
      dueAt: assignment.dueAt.toISOString(),
    });
  }

  /** Fires a transition as the system (no actor): the workflow's own rules are the only check. */
  private async fire(
    em: EntityManager,
    assignment: ReviewAssignment,
    transition: ReviewAssignmentTransition,
    what: string,
    payload: Record<string, unknown>,
  ): Promise<TimerOutcome> {
    const decision = decide(
      reviewAssignmentWorkflow,
      assignment.status,
      transition,
      { conflictDeclared: false, missingReviewFields: [] },
      () => true,
    );
    if (!decision.ok) return { skipped: `${what} is ${assignment.status}` };
    try {
      await em.transactional((tx) =>
        applyTransition(tx, {
          entity: ReviewAssignment,
          entityType: 'ReviewAssignment',
          workflow: reviewAssignmentWorkflow.name,
          record: assignment,
          transition,
          from: decision.from,
          to: decision.to,
          effects: decision.effects,
          actorId: null,
          payload: { practiceId: assignment.practice.id, ...payload },
        }),
      );
    } catch (error) {
      // A person acted in the same instant: their action stands.
      if (error instanceof StaleRecordError) return { skipped: `${what} changed meanwhile` };
      throw error;
    }
    return { done: decision.to };
  }
}

/**
 * Why a reminder or an escalation about this review no longer applies, or null: it is gone, no
 * longer being written, or its practice moved on (decided, withdrawn, a newer version in review).
 * Expects practice and practiceVersion loaded.
 */
export function reviewNoLongerDue(assignment: ReviewAssignment | null): string | null {
  if (!assignment) return 'the review no longer exists';
  if (!reviewInProgress.includes(assignment.status)) return `the review is ${assignment.status}`;
  if (!assignment.dueAt) return 'the review has no due date';
  const { practice } = assignment;
  if (!reviewingStates.includes(practice.status)) return `the practice is ${practice.status}`;
  if (practice.currentVersion?.id !== assignment.practiceVersion.id) {
    return 'a newer version of the practice is under review';
  }
  return null;
}

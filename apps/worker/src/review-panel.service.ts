import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { InvitationOrigin, ReviewPolicy } from '@pathways/contracts';
import {
  inviteReviewer,
  loadReviewPolicy,
  Practice,
  ReviewAssignment,
  reviewerSuggestions,
  reviewPanel,
  User,
} from '@pathways/persistence';
import { parseJobPayload, QueueName, ReviewJob } from '@pathways/queues';
import {
  type EditorReviewNotice,
  editorReviewNoticeText,
  type PanelFacts,
} from './editor-review-notice.text';
import { formatWhen, NoticeSender } from './notice.sender';
import { activeEditors, practiceTitle } from './recipients';
import { reviewingStates, reviewNoLongerDue, type TimerOutcome } from './review-timers.service';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

export type PanelOutcome = { done: string; [detail: string]: unknown } | { skipped: string };

/** What a transaction decided to tell the editors once it has committed. */
interface EditorNotice {
  notice: EditorReviewNotice;
  sourceId: string;
  practiceId: string;
  facts: PanelFacts;
}

type Invitation = { invited: { assignmentId: string; reviewerId: string } } | { nobodyLeft: true };

/**
 * The review policy at work on a panel (DESIGN §4): a backup when a reviewer drops out, an extra
 * reviewer when recommendations disagree, and the editors told when reviews are complete or late.
 * Panel changes run in one transaction that holds the practice row locked, so two jobs about the
 * same practice (two reviewers declining at once) take turns and the second sees the first's
 * invitation: re-running finds the panel full, which is what makes these jobs idempotent.
 */
@Injectable()
export class ReviewPanelService {
  constructor(
    private readonly em: EntityManager,
    private readonly notices: NoticeSender,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  /** decline/expire effect: invite the best-ranked remaining reviewer while the panel is short. */
  async inviteBackup(data: unknown, now = new Date()): Promise<PanelOutcome> {
    const effect = parseJobPayload(QueueName.Review, ReviewJob.InviteBackup, data);
    const tell: EditorNotice[] = [];
    const outcome = await this.em.fork().transactional(async (em): Promise<PanelOutcome> => {
      const locked = await this.lockPanel(em, effect.entityId);
      if ('skipped' in locked) return locked;
      const { practice, versionId } = locked;
      const policy = await loadReviewPolicy(em);
      if (!policy.inviteBackupReviewer) return { skipped: 'backup invitations are off' };
      const assignments = await em.find(ReviewAssignment, { practiceVersion: versionId });
      const active = assignments.filter((a) => isActive(a.status)).length;
      if (active >= seats(policy, assignments)) return { skipped: 'the panel is full' };
      const result = await this.inviteBest(em, practice, policy, 'backup', now);
      if ('invited' in result) return { done: 'invited', ...result.invited };
      tell.push({
        notice: 'no_reviewer_left',
        sourceId: effect.eventId,
        practiceId: practice.id,
        facts: { practice: titleOf(practice) },
      });
      return { done: 'nobody left to invite' };
    });
    return this.afterCommit(outcome, tell);
  }

  /**
   * submit effect: invites one extra reviewer when submitted recommendations include both accept
   * and reject (once per version), and tells the editors when every active review of the version is
   * submitted and there are at least as many as the policy requires (once per version).
   */
  async checkPanel(data: unknown, now = new Date()): Promise<PanelOutcome> {
    const effect = parseJobPayload(QueueName.Review, ReviewJob.CheckPanel, data);
    const tell: EditorNotice[] = [];
    const outcome = await this.em.fork().transactional(async (em): Promise<PanelOutcome> => {
      const locked = await this.lockPanel(em, effect.entityId);
      if ('skipped' in locked) return locked;
      const { practice, versionId } = locked;
      const policy = await loadReviewPolicy(em);
      let assignments = await em.find(ReviewAssignment, { practiceVersion: versionId });
      const recommendations = new Set(
        assignments.filter((a) => a.status === 'submitted').map((a) => a.review?.recommendation),
      );
      const done: string[] = [];
      if (
        policy.extraReviewerOnDisagreement &&
        recommendations.has('accept') &&
        recommendations.has('reject') &&
        !assignments.some((a) => a.origin === 'disagreement')
      ) {
        const result = await this.inviteBest(em, practice, policy, 'disagreement', now);
        if ('invited' in result) {
          done.push('extra reviewer invited');
          assignments = await em.find(ReviewAssignment, { practiceVersion: versionId });
        } else {
          done.push('nobody left to invite');
          tell.push({
            notice: 'no_reviewer_left',
            sourceId: effect.eventId,
            practiceId: practice.id,
            facts: { practice: titleOf(practice) },
          });
        }
      }
      const active = assignments.filter((a) => isActive(a.status));
      // Complete: every active reviewer submitted, and enough of them for the editors to decide.
      const complete =
        active.length >= policy.reviewersRequired && active.every((a) => a.status === 'submitted');
      if (practice.status === 'in_review' && complete) {
        done.push('reviews complete');
        tell.push({
          notice: 'reviews_complete',
          sourceId: versionId,
          practiceId: practice.id,
          facts: { practice: titleOf(practice), reviews: active.length },
        });
      }
      return done.length ? { done: done.join('; ') } : { skipped: 'the panel is not complete yet' };
    });
    return this.afterCommit(outcome, tell);
  }

  /** Timer at due date + escalation offset: tells the editors a review is overdue. */
  async escalateOverdue(data: unknown, now = new Date()): Promise<TimerOutcome> {
    const { assignmentId } = parseJobPayload(QueueName.Review, ReviewJob.EscalateOverdue, data);
    const em = this.em.fork();
    const assignment = await em.findOne(
      ReviewAssignment,
      { id: assignmentId },
      { populate: ['practice', 'practiceVersion', 'reviewer'] },
    );
    const stale = reviewNoLongerDue(assignment);
    if (stale) return { skipped: stale };
    const { practice, practiceVersion, reviewer, dueAt } = assignment!;
    if (dueAt! > now) return { skipped: 'the review is not due yet' };
    const practiceName = practiceTitle(practiceVersion.content, practice.slug);
    const notified = await this.notices.sendEach(em, await activeEditors(em), (_, locale) => {
      const facts = { practice: practiceName, reviewer: reviewer.name, dueAt: formatWhen(dueAt!, locale) };
      const text = editorReviewNoticeText.review_overdue[locale];
      return {
        kind: 'review_overdue',
        sourceId: assignmentId,
        title: text.title(facts),
        body: text.body(facts),
        link: `/practices/${practice.id}`,
      };
    });
    return { done: 'escalated', notified };
  }

  /**
   * Locks the practice of the assignment (`select … for update`) and reads it afresh. Panel changes
   * apply only while the practice is being reviewed and the assignment is for its current version.
   */
  private async lockPanel(
    em: EntityManager,
    assignmentId: string,
  ): Promise<{ practice: Practice; versionId: string } | { skipped: string }> {
    const assignment = await em.findOne(ReviewAssignment, { id: assignmentId });
    if (!assignment) return { skipped: 'the assignment no longer exists' };
    const practiceId = assignment.practice.id;
    const versionId = assignment.practiceVersion.id;
    await em
      .createQueryBuilder(Practice)
      .select('id')
      .where({ id: practiceId })
      .setLockMode(LockMode.PESSIMISTIC_WRITE)
      .execute();
    // Everything read before the lock may be stale: read again under it.
    em.clear();
    const practice = await em.findOne(
      Practice,
      { id: practiceId },
      { populate: ['organisation', 'currentVersion'] },
    );
    if (!practice) return { skipped: 'the practice no longer exists' };
    if (!reviewingStates.includes(practice.status)) return { skipped: `the practice is ${practice.status}` };
    if (practice.currentVersion?.id !== versionId) {
      return { skipped: 'a newer version of the practice is under review' };
    }
    return { practice, versionId };
  }

  /**
   * Invites the best-ranked reviewer who is not excluded; while the policy wants a UN-entity
   * reviewer and no active one is on the panel, the best-ranked UN-entity reviewer comes first.
   */
  private async inviteBest(
    em: EntityManager,
    practice: Practice,
    policy: ReviewPolicy,
    origin: InvitationOrigin,
    now: Date,
  ): Promise<Invitation> {
    const candidates = (await reviewerSuggestions(em, practice)).filter((s) => !s.excluded);
    if (!candidates.length) return { nobodyLeft: true };
    const panel = await reviewPanel(em, practice.currentVersion!.id);
    const wantUnEntity = policy.requireUnEntityReviewer && !panel.unEntityReviewerPresent;
    const pick = (wantUnEntity ? candidates.find((s) => s.unEntity) : undefined) ?? candidates[0];
    const reviewer = await em.findOneOrFail(User, { id: pick.reviewerId });
    const assignment = inviteReviewer(em, {
      practice,
      reviewer,
      invitedBy: null,
      origin,
      policy,
      daySeconds: this.config.daySeconds,
      now,
    });
    await em.flush();
    return { invited: { assignmentId: assignment.id, reviewerId: reviewer.id } };
  }

  /** Editors hear only of what committed; a notice that fails to go out fails the job, which retries. */
  private async afterCommit(outcome: PanelOutcome, tell: readonly EditorNotice[]): Promise<PanelOutcome> {
    if (!tell.length || 'skipped' in outcome) return outcome;
    let notified = 0;
    for (const notice of tell) notified += await this.tellEditors(notice);
    return { ...outcome, notified };
  }

  private async tellEditors({ notice, sourceId, practiceId, facts }: EditorNotice): Promise<number> {
    const em = this.em.fork();
    return this.notices.sendEach(em, await activeEditors(em), (_, locale) => {
      const text = editorReviewNoticeText[notice][locale];
      return {
        kind: notice,
        sourceId,
        title: text.title(facts),
        body: text.body(facts),
        link: `/practices/${practiceId}`,
      };
    });
  }
}

const isActive = (status: ReviewAssignment['status']) => status !== 'declined' && status !== 'expired';

/** Seats on the panel: the policy's number, plus one once an extra reviewer was called for a disagreement. */
const seats = (policy: ReviewPolicy, assignments: readonly ReviewAssignment[]) =>
  policy.reviewersRequired + (assignments.some((a) => a.origin === 'disagreement') ? 1 : 0);

const titleOf = (practice: Practice) =>
  practiceTitle(practice.currentVersion?.getEntity().content, practice.slug);

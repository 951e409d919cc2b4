import { MikroORM } from '@mikro-orm/postgresql';
import {
  EmailDelivery,
  Notification,
  ormConfig,
  Practice,
  ReviewAssignment,
  ReviewPolicy,
  verifyChain,
  WorkflowEvent,
} from '@pathways/persistence';
import { defaultReviewPolicy } from '@pathways/contracts';
import { QueueName, ReminderJob, reviewTimerIds } from '@pathways/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeEmailKey } from './notice.sender';
import { ReviewPanelService } from './review-panel.service';
import { ReviewTimers } from './review-timers.service';
import { assign, effectPayload, fireAssignment, seedReviewScene, waitFor } from './testing/review-scene';
import { mailKey, type SmtpCapture, startSmtpCapture } from './testing/smtp-capture';
import { startTestWorker, type TestWorker } from './testing/test-worker';

let orm: MikroORM;
let smtp: SmtpCapture;
let worker: TestWorker;
let timers: ReviewTimers;
const em = () => orm.em.fork();

// A policy day lasts one second here: the default policy's 21-day review fits in a test.
beforeAll(async () => {
  smtp = await startSmtpCapture();
  worker = await startTestWorker(QueueName.Reminders, {
    SMTP_URL: smtp.url,
    DAY_SECONDS: '1',
    OUTBOX_POLL_MS: '100',
  });
  orm = await MikroORM.init(ormConfig({ databaseUrl: worker.db.url, poolMax: 4 }));
  timers = worker.app.get(ReviewTimers);
});

afterAll(async () => {
  await worker?.close();
  await smtp?.close();
  await orm?.close();
});

const remind = async (assignmentId: string, moment: 'before_due' | 'on_due' | 'after_due') => {
  const job = await worker.producer.add(QueueName.Reminders, ReminderJob.RemindReviewer, {
    assignmentId,
    moment,
  });
  return job.waitUntilFinished(worker.events, 15_000);
};

describe('review timers, with compressed time', () => {
  it('reminds the reviewer before, on and after the due date, marks the review overdue and escalates to the editors', async () => {
    const scene = await seedReviewScene(em());
    const id = await assign(em(), scene, 'research');
    const dueAt = new Date(Date.now() + 4_000); // remind 3 "days" before, escalate 7 after
    await em().nativeUpdate(ReviewAssignment, { id }, { dueAt });
    // Accepting (as the API does) writes the schedule-review-reminders effect to the outbox.
    await fireAssignment(em(), id, 'accept', scene.reviewers.research.id);

    const escalations = await waitFor(async () => {
      const rows = await em().find(
        Notification,
        { kind: 'review_overdue', sourceId: id },
        { populate: ['recipient'] },
      );
      return rows.length === 2 ? rows : null;
    }, 'the escalation to both editors');
    expect(escalations.map((n) => n.recipient.id).sort()).toEqual(scene.editors.map((e) => e.id).sort());
    expect(escalations.find((n) => n.recipient.id === scene.editors[0].id)?.title).toBe(
      `Evaluación atrasada: ${scene.title}`,
    );
    expect(escalations[0].link).toBe(`/practices/${scene.practiceId}`);

    const reminders = await em().find(
      Notification,
      { recipient: scene.reviewers.research.id, kind: { $like: 'review_reminder_%' } },
      { orderBy: { createdAt: 'asc' } },
    );
    expect(reminders.map((n) => n.kind)).toEqual([
      'review_reminder_before_due',
      'review_reminder_on_due',
      'review_reminder_after_due',
    ]);
    // The reviewer reads Spanish; the first reminder came before the due date.
    expect(reminders[0].title).toBe(`Recordatorio: su evaluación de ${scene.title}`);
    expect(reminders[0].link).toBe(`/reviews/${id}`);
    expect(reminders[0].createdAt.getTime()).toBeLessThan(dueAt.getTime());

    const assignment = await em().findOneOrFail(ReviewAssignment, { id });
    expect(assignment.status).toBe('overdue');
    const log = await em().find(WorkflowEvent, { entityId: id }, { orderBy: { sequence: 'asc' } });
    expect(log.map((e) => [e.transition, e.actorId])).toEqual([
      ['accept', scene.reviewers.research.id],
      ['mark_overdue', null],
    ]);
    expect(verifyChain(log)).toEqual({ valid: true, events: 2 });

    for (const kind of [
      'review_reminder_before_due',
      'review_reminder_on_due',
      'review_reminder_after_due',
    ]) {
      const key = noticeEmailKey({ kind, sourceId: id }, scene.reviewers.research.id);
      await waitFor(async () => smtp.received.some((m) => mailKey(m) === key), `the ${kind} e-mail`);
    }

    // The effect run again (a re-relayed row) adds no second set of timers.
    const again = await timers.scheduleReminders(effectPayload(id, 'accept'));
    expect(again).toEqual({
      done: 'scheduled',
      timers: [
        reviewTimerIds.before_due(id),
        reviewTimerIds.on_due(id),
        reviewTimerIds.after_due(id),
        reviewTimerIds.overdue(id),
        reviewTimerIds.escalate(id),
      ],
    });
    for (const timer of ['before_due', 'on_due', 'after_due', 'overdue'] as const) {
      const job = await worker.producer.queue(QueueName.Reminders).getJob(reviewTimerIds[timer](id));
      expect(await job?.getState(), timer).toBe('completed');
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(
      await em().count(Notification, {
        recipient: scene.reviewers.research.id,
        kind: { $like: 'review_reminder_%' },
      }),
    ).toBe(3);
  });
});

describe('timers that no longer apply', () => {
  it('send nothing for a review already submitted', async () => {
    const scene = await seedReviewScene(em());
    const id = await assign(em(), scene, 'rights', { status: 'submitted', recommendation: 'accept' });
    for (const moment of ['before_due', 'on_due', 'after_due'] as const) {
      expect(await remind(id, moment)).toEqual({ skipped: 'the review is submitted' });
    }
    const reviewer = scene.reviewers.rights;
    expect(await em().count(Notification, { recipient: reviewer.id })).toBe(0);
    expect(await em().count(EmailDelivery, { to: reviewer.email })).toBe(0);
    const key = noticeEmailKey({ kind: 'review_reminder_before_due', sourceId: id }, reviewer.id);
    expect(await worker.producer.queue(QueueName.Notifications).getJob(key)).toBeUndefined();
    expect(smtp.received.some((m) => m.to.includes(reviewer.email))).toBe(false);

    expect(await timers.markOverdue({ assignmentId: id }, new Date(Date.now() + 30 * 86_400_000))).toEqual({
      skipped: 'the review is submitted',
    });
    const escalation = await worker.app
      .get(ReviewPanelService)
      .escalateOverdue({ assignmentId: id }, new Date(Date.now() + 30 * 86_400_000));
    expect(escalation).toEqual({ skipped: 'the review is submitted' });
    expect(await em().count(Notification, { sourceId: id })).toBe(0);
  });

  it('send nothing once the practice was decided, or when the policy turned the reminder off', async () => {
    const scene = await seedReviewScene(em());
    const id = await assign(em(), scene, 'kofi', { status: 'accepted' });
    const off = em();
    off.create(ReviewPolicy, { ...defaultReviewPolicy, remindOnDue: false, remindBeforeDueDays: 0 });
    await off.flush();
    expect(await remind(id, 'on_due')).toEqual({ skipped: 'on due reminders are off' });
    expect(await remind(id, 'before_due')).toEqual({ skipped: 'before due reminders are off' });
    await em().nativeDelete(ReviewPolicy, {});

    await em().nativeUpdate(Practice, { id: scene.practiceId }, { status: 'rejected' });
    expect(await remind(id, 'after_due')).toEqual({ skipped: 'the practice is rejected' });
    expect(await em().count(Notification, { recipient: scene.reviewers.kofi.id })).toBe(0);
  });

  it('mark nothing overdue before the due date, and escalate nothing early', async () => {
    const scene = await seedReviewScene(em());
    const id = await assign(em(), scene, 'nairobi', { status: 'accepted' });
    expect(await timers.markOverdue({ assignmentId: id })).toEqual({ skipped: 'the review is not due yet' });
    expect(await worker.app.get(ReviewPanelService).escalateOverdue({ assignmentId: id })).toEqual({
      skipped: 'the review is not due yet',
    });
    expect((await em().findOneOrFail(ReviewAssignment, { id })).status).toBe('accepted');
  });

  it('escalate to the editors with a given now, once', async () => {
    const scene = await seedReviewScene(em());
    const id = await assign(em(), scene, 'un', {
      status: 'overdue',
      dueAt: new Date('2030-06-03T09:00:00Z'),
    });
    const panel = worker.app.get(ReviewPanelService);
    const later = new Date('2030-06-10T09:00:00Z');
    expect(await panel.escalateOverdue({ assignmentId: id }, later)).toEqual({
      done: 'escalated',
      notified: 2,
    });
    expect(await panel.escalateOverdue({ assignmentId: id }, later)).toEqual({
      done: 'escalated',
      notified: 0,
    });
    const [fr] = await em().find(Notification, {
      kind: 'review_overdue',
      sourceId: id,
      recipient: scene.editors[1].id,
    });
    expect(fr.body).toBe(
      `L’évaluation de « ${scene.title} » par Uma était attendue le 3 juin 2030 à 09:00 UTC et n’a pas été envoyée. ` +
        `Vous pouvez relancer cette personne ou inviter quelqu’un d’autre.`,
    );
  });
});

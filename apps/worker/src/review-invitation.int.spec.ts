import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { defaultReviewPolicy } from '@pathways/contracts';
import {
  inviteReviewer,
  Notification,
  ormConfig,
  OutboxMessage,
  Practice,
  ReviewAssignment,
  User,
} from '@pathways/persistence';
import { NotificationJob, QueueName } from '@pathways/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeEmailKey } from './notice.sender';
import { assign, seedReviewScene, waitFor } from './testing/review-scene';
import { mailKey, type SmtpCapture, startSmtpCapture } from './testing/smtp-capture';
import { startTestWorker, type TestWorker } from './testing/test-worker';

let orm: MikroORM;
let smtp: SmtpCapture;
let worker: TestWorker;
const em = () => orm.em.fork();

beforeAll(async () => {
  smtp = await startSmtpCapture();
  worker = await startTestWorker(QueueName.Notifications, {
    SMTP_URL: smtp.url,
    OUTBOX_POLL_MS: '100',
    WEB_URL: 'https://pathways.example',
  });
  orm = await MikroORM.init(ormConfig({ databaseUrl: worker.db.url, poolMax: 2 }));
});

afterAll(async () => {
  await worker?.close();
  await smtp?.close();
  await orm?.close();
});

const notify = async (assignmentId: string) => {
  const job = await worker.producer.add(QueueName.Notifications, NotificationJob.ReviewInvited, {
    assignmentId,
  });
  return job.waitUntilFinished(worker.events, 15_000);
};

describe('reviewer invitation notice', () => {
  it('is written with the invitation and tells the reviewer in their language who invited and by when to answer', async () => {
    const scene = await seedReviewScene(em(), 'screening');
    const tx = em();
    const practice = await tx.findOneOrFail(
      Practice,
      { id: scene.practiceId },
      { populate: ['currentVersion'] },
    );
    const editor = await tx.findOneOrFail(User, { id: scene.editors[0].id });
    const reviewer = await tx.findOneOrFail(User, { id: scene.reviewers.research.id });
    const assignment = inviteReviewer(tx, {
      practice,
      reviewer,
      invitedBy: editor,
      origin: 'editor',
      policy: defaultReviewPolicy,
      daySeconds: 86_400,
      now: new Date('2030-05-27T09:00:00Z'),
    });
    await tx.flush();
    expect(
      await em().count(OutboxMessage, {
        queue: QueueName.Notifications,
        jobName: NotificationJob.ReviewInvited,
        payload: { assignmentId: assignment.id },
      }),
    ).toBe(1);

    // The relay hands the row to the notifications queue.
    const notice = await waitFor(
      () =>
        em().findOne(
          Notification,
          { kind: 'review_invited', sourceId: assignment.id },
          { populate: ['recipient'] },
        ),
      'the invitation notice',
    );
    expect(notice.recipient.id).toBe(reviewer.id);
    expect(notice.title).toBe(`Invitación a evaluar: ${scene.title}`);
    expect(notice.body).toBe(
      `Elena le invita a evaluar la buena práctica «${scene.title}». Acepte, declarando cualquier ` +
        `conflicto de intereses, o decline antes del 3 de junio de 2030 a las 9:00 UTC.`,
    );
    expect(notice.link).toBe(`/reviews/${assignment.id}`);
    const key = noticeEmailKey({ kind: 'review_invited', sourceId: assignment.id }, reviewer.id);
    const mail = await waitFor(
      async () => smtp.received.find((m) => mailKey(m) === key),
      'the invitation e-mail',
    );
    expect(mail.to).toEqual([reviewer.email]);
    expect(mail.raw).toContain(`https://pathways.example/reviews/${assignment.id}`);

    // Handled again (a retry, a re-relayed row): nobody is told twice.
    expect(await notify(assignment.id)).toEqual({ notified: 0 });
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received.filter((m) => mailKey(m) === key)).toHaveLength(1);
  });

  it('says the review policy invited automatically when no editor did', async () => {
    const scene = await seedReviewScene(em());
    const id = await assign(em(), scene, 'un', { origin: 'backup' });
    expect(await notify(id)).toEqual({ notified: 1 });
    const notice = await em().findOneOrFail(Notification, { kind: 'review_invited', sourceId: id });
    expect(notice.body).toMatch(/^La politique d’évaluation vous invite automatiquement à évaluer/);
  });

  it('does nothing when the invitation is gone or was answered meanwhile', async () => {
    const scene = await seedReviewScene(em());
    expect(await notify(randomUUID())).toEqual({ skipped: 'the invitation no longer exists' });
    const answered = await assign(em(), scene, 'kofi', { status: 'declined' });
    expect(await notify(answered)).toEqual({ skipped: 'the invitation is declined' });
    const removed = await assign(em(), scene, 'rights');
    await em().nativeDelete(ReviewAssignment, { id: removed });
    expect(await notify(removed)).toEqual({ skipped: 'the invitation no longer exists' });
    expect(await em().count(Notification, { sourceId: { $in: [answered, removed] } })).toBe(0);
  });
});

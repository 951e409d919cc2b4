import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  EmailDelivery,
  Notification,
  ormConfig,
  OutboxMessage,
  Practice,
  ReviewAssignment,
  ReviewPolicy,
} from '@pathways/persistence';
import { defaultReviewPolicy } from '@pathways/contracts';
import { QueueName } from '@pathways/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeEmailKey } from './notice.sender';
import { ReviewPanelService } from './review-panel.service';
import {
  assign,
  effectPayload,
  fireAssignment,
  type ReviewScene,
  seedReviewScene,
  waitFor,
} from './testing/review-scene';
import { mailKey, type SmtpCapture, startSmtpCapture } from './testing/smtp-capture';
import { startTestWorker, type TestWorker } from './testing/test-worker';

let orm: MikroORM;
let smtp: SmtpCapture;
let worker: TestWorker;
let panel: ReviewPanelService;
const em = () => orm.em.fork();

beforeAll(async () => {
  smtp = await startSmtpCapture();
  worker = await startTestWorker(QueueName.Review, { SMTP_URL: smtp.url, OUTBOX_POLL_MS: '100' });
  orm = await MikroORM.init(ormConfig({ databaseUrl: worker.db.url, poolMax: 4 }));
  panel = worker.app.get(ReviewPanelService);
});

afterAll(async () => {
  await worker?.close();
  await smtp?.close();
  await orm?.close();
});

const panelOf = (scene: ReviewScene) =>
  em().find(
    ReviewAssignment,
    { practiceVersion: scene.versionId },
    { populate: ['reviewer'], orderBy: { invitedAt: 'asc' } },
  );
const active = async (scene: ReviewScene) =>
  (await panelOf(scene)).filter((a) => !['declined', 'expired'].includes(a.status));
const noticesOf = (kind: string, sourceId: string) =>
  em().find(
    Notification,
    { kind, sourceId },
    { populate: ['recipient'], orderBy: { recipient: { name: 'asc' } } },
  );
const mailsFor = (kind: string, sourceId: string, recipientId: string) =>
  smtp.received.filter((m) => mailKey(m) === noticeEmailKey({ kind, sourceId }, recipientId));

describe('backup reviewer', () => {
  it('is invited automatically when a reviewer declines, a UN-entity reviewer first if the panel has none, and is told', async () => {
    const scene = await seedReviewScene(em());
    const declining = await assign(em(), scene, 'research');
    await assign(em(), scene, 'rights', { status: 'accepted' });
    await assign(em(), scene, 'nairobi', { status: 'accepted' });

    // The decline's effect goes through the outbox relay to the review queue, as in production.
    await fireAssignment(em(), declining, 'decline', scene.reviewers.research.id);
    const backup = await waitFor(
      () =>
        em().findOne(
          ReviewAssignment,
          { practiceVersion: scene.versionId, origin: 'backup' },
          { populate: ['reviewer'] },
        ),
      'a backup invitation',
    );
    // Kofi ranks above both UN-entity reviewers, but the panel needs one and has none.
    expect(backup.reviewer.id).toBe(scene.reviewers.iom.id);
    expect(backup).toMatchObject({ status: 'invited', invitedBy: null });
    expect(await active(scene)).toHaveLength(3);

    const [notice] = await waitFor(
      async () =>
        (await noticesOf('review_invited', backup.id)).length ? noticesOf('review_invited', backup.id) : null,
      'the invitation notice',
    );
    expect(notice.recipient.id).toBe(scene.reviewers.iom.id);
    expect(notice.title).toBe(`Invitation à évaluer : ${scene.title}`);
    expect(notice.body).toContain('La politique d’évaluation vous invite automatiquement');
    expect(notice.link).toBe(`/reviews/${backup.id}`);
    await waitFor(
      async () => mailsFor('review_invited', backup.id, scene.reviewers.iom.id).length,
      'the invitation e-mail',
    );
    expect(
      await em().count(OutboxMessage, {
        queue: QueueName.Reminders,
        jobName: 'expire-invitation',
        payload: { assignmentId: backup.id },
      }),
    ).toBe(1);
  });

  it('is the best-ranked remaining reviewer when a UN-entity reviewer is already on the panel', async () => {
    const scene = await seedReviewScene(em());
    const declined = await assign(em(), scene, 'research', { status: 'declined' });
    await assign(em(), scene, 'un', { status: 'accepted' });
    await assign(em(), scene, 'rights', { status: 'accepted' });
    const outcome = await panel.inviteBackup(effectPayload(declined, 'decline'));
    expect(outcome).toMatchObject({ done: 'invited', reviewerId: scene.reviewers.nairobi.id });
  });

  it('never over-invites: two declines handled at once fill the panel exactly, and re-running adds nobody', async () => {
    const scene = await seedReviewScene(em());
    const first = await assign(em(), scene, 'research', { status: 'declined' });
    const second = await assign(em(), scene, 'nairobi', { status: 'declined' });
    await assign(em(), scene, 'un', { status: 'accepted' });

    const outcomes = await Promise.all([
      panel.inviteBackup(effectPayload(first, 'decline')),
      panel.inviteBackup(effectPayload(second, 'decline')),
    ]);
    expect(outcomes.map((o) => ('done' in o ? o.done : o.skipped))).toEqual(['invited', 'invited']);
    const invited = (await active(scene)).map((a) => a.reviewer.id).sort();
    expect(invited).toEqual(
      [scene.reviewers.rights.id, scene.reviewers.kofi.id, scene.reviewers.un.id].sort(),
    );

    const again = await Promise.all([
      panel.inviteBackup(effectPayload(first, 'decline')),
      panel.inviteBackup(effectPayload(second, 'decline')),
    ]);
    expect(again).toEqual([{ skipped: 'the panel is full' }, { skipped: 'the panel is full' }]);
    expect(await panelOf(scene)).toHaveLength(5);
  });

  it('waits for whoever holds the practice, then sees their change', async () => {
    const scene = await seedReviewScene(em());
    const declined = await assign(em(), scene, 'research', { status: 'declined' });
    await assign(em(), scene, 'un', { status: 'accepted' });
    await assign(em(), scene, 'rights', { status: 'accepted' });
    // Another transaction (an editor's invitation, another backup job) holds the practice and fills the panel.
    const holder = orm.em.fork();
    await holder.begin();
    await holder.execute('select id from practice where id = ? for update', [scene.practiceId]);
    holder.create(ReviewAssignment, {
      practice: scene.practiceId,
      practiceVersion: scene.versionId,
      reviewer: scene.reviewers.kofi.id,
      respondBy: new Date(Date.now() + 86_400_000),
    });
    await holder.flush();
    const pending = panel.inviteBackup(effectPayload(declined, 'decline'));
    await new Promise((r) => setTimeout(r, 500));
    await holder.commit();
    expect(await pending).toEqual({ skipped: 'the panel is full' });
    expect(await active(scene)).toHaveLength(3);
  });

  it('is not invited when the policy is off, the practice moved on, or the assignment is gone', async () => {
    const scene = await seedReviewScene(em());
    const declined = await assign(em(), scene, 'research', { status: 'declined' });
    const off = em();
    off.create(ReviewPolicy, { ...defaultReviewPolicy, inviteBackupReviewer: false });
    await off.flush();
    expect(await panel.inviteBackup(effectPayload(declined, 'decline'))).toEqual({
      skipped: 'backup invitations are off',
    });
    await em().nativeDelete(ReviewPolicy, {});

    await em().nativeUpdate(Practice, { id: scene.practiceId }, { status: 'accepted' });
    expect(await panel.inviteBackup(effectPayload(declined, 'decline'))).toEqual({
      skipped: 'the practice is accepted',
    });
    expect(await panel.inviteBackup(effectPayload(randomUUID(), 'decline'))).toEqual({
      skipped: 'the assignment no longer exists',
    });
    expect(await panelOf(scene)).toHaveLength(1);
  });

  it('tells the editors, in their language, when nobody is left to invite', async () => {
    const scene = await seedReviewScene(em());
    const last = await assign(em(), scene, 'research', { status: 'declined' });
    for (const name of ['nairobi', 'rights', 'kofi', 'iom'] as const) {
      await assign(em(), scene, name, { status: 'declined' });
    }
    await assign(em(), scene, 'un', { status: 'accepted' });
    const effect = effectPayload(last, 'decline');
    expect(await panel.inviteBackup(effect)).toEqual({ done: 'nobody left to invite', notified: 2 });
    const notices = await noticesOf('no_reviewer_left', effect.eventId);
    expect(notices.map((n) => [n.recipient.id, n.title])).toEqual([
      [scene.editors[0].id, `No quedan personas evaluadoras: ${scene.title}`],
      [scene.editors[1].id, `Plus aucun évaluateur à inviter : ${scene.title}`],
    ]);
    expect(notices[0].link).toBe(`/practices/${scene.practiceId}`);
    for (const editor of scene.editors) {
      await waitFor(async () => mailsFor('no_reviewer_left', effect.eventId, editor.id).length, 'e-mails');
    }
    // Run again (a retry): nobody is told twice.
    expect(await panel.inviteBackup(effect)).toEqual({ done: 'nobody left to invite', notified: 0 });
    await new Promise((r) => setTimeout(r, 500));
    for (const editor of scene.editors) {
      expect(mailsFor('no_reviewer_left', effect.eventId, editor.id)).toHaveLength(1);
    }
  });
});

describe('extra reviewer and complete panels', () => {
  it('invites one extra reviewer when recommendations include accept and reject, once per version', async () => {
    const scene = await seedReviewScene(em());
    await assign(em(), scene, 'research', { status: 'submitted', recommendation: 'accept' });
    const rejecting = await assign(em(), scene, 'rights', { status: 'submitted', recommendation: 'reject' });
    await assign(em(), scene, 'un', { status: 'accepted' });

    expect(await panel.checkPanel(effectPayload(rejecting, 'submit'))).toEqual({
      done: 'extra reviewer invited',
    });
    const extra = (await panelOf(scene)).filter((a) => a.origin === 'disagreement');
    expect(extra.map((a) => [a.reviewer.id, a.status, a.invitedBy])).toEqual([
      [scene.reviewers.nairobi.id, 'invited', null],
    ]);
    expect(await panel.checkPanel(effectPayload(rejecting, 'submit'))).toEqual({
      skipped: 'the panel is not complete yet',
    });
    expect((await panelOf(scene)).filter((a) => a.origin === 'disagreement')).toHaveLength(1);
  });

  it('does not call an extra reviewer when recommendations only differ by degree', async () => {
    const scene = await seedReviewScene(em());
    await assign(em(), scene, 'research', { status: 'submitted', recommendation: 'accept' });
    const last = await assign(em(), scene, 'rights', {
      status: 'submitted',
      recommendation: 'major_revisions',
    });
    await assign(em(), scene, 'un', { status: 'accepted' });
    expect(await panel.checkPanel(effectPayload(last, 'submit'))).toEqual({
      skipped: 'the panel is not complete yet',
    });
    expect(await panelOf(scene)).toHaveLength(3);
  });

  it('stays quiet while fewer reviews than the policy requires are in, even if nobody else is reviewing', async () => {
    const scene = await seedReviewScene(em());
    await assign(em(), scene, 'research', { status: 'submitted', recommendation: 'accept' });
    await assign(em(), scene, 'rights', { status: 'declined' });
    const last = await assign(em(), scene, 'un', { status: 'submitted', recommendation: 'accept' });
    expect(await panel.checkPanel(effectPayload(last, 'submit'))).toEqual({
      skipped: 'the panel is not complete yet',
    });
    expect(await noticesOf('reviews_complete', scene.versionId)).toEqual([]);
  });

  it('tells the editors once when every active review of the version is in', async () => {
    const scene = await seedReviewScene(em());
    await assign(em(), scene, 'research', { status: 'submitted', recommendation: 'accept' });
    await assign(em(), scene, 'rights', { status: 'submitted', recommendation: 'minor_revisions' });
    await assign(em(), scene, 'nairobi', { status: 'declined' });
    const last = await assign(em(), scene, 'un', { status: 'submitted', recommendation: 'accept' });

    expect(await panel.checkPanel(effectPayload(last, 'submit'))).toEqual({
      done: 'reviews complete',
      notified: 2,
    });
    const notices = await noticesOf('reviews_complete', scene.versionId);
    expect(notices.map((n) => [n.recipient.id, n.title, n.body])).toEqual([
      [
        scene.editors[0].id,
        `Evaluaciones completas: ${scene.title}`,
        `Se recibieron las 3 evaluaciones de «${scene.title}». Puede compararlas y decidir.`,
      ],
      [
        scene.editors[1].id,
        `Évaluations terminées : ${scene.title}`,
        `Les 3 évaluations de « ${scene.title} » sont arrivées. Vous pouvez les comparer et décider.`,
      ],
    ]);
    // Another submit effect for the same version (a re-run) tells nobody again.
    expect(await panel.checkPanel(effectPayload(last, 'submit'))).toEqual({
      done: 'reviews complete',
      notified: 0,
    });
    for (const editor of scene.editors) {
      await waitFor(async () => mailsFor('reviews_complete', scene.versionId, editor.id).length, 'e-mails');
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const editor of scene.editors) {
      expect(mailsFor('reviews_complete', scene.versionId, editor.id)).toHaveLength(1);
      expect(
        await em().count(EmailDelivery, {
          key: noticeEmailKey({ kind: 'reviews_complete', sourceId: scene.versionId }, editor.id),
        }),
      ).toBe(1);
    }
  });
});

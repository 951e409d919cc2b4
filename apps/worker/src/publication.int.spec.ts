import { MikroORM } from '@mikro-orm/postgresql';
import { ref } from '@mikro-orm/core';
import { Notification, ormConfig, Practice, PracticeVersion } from '@pathways/persistence';
import { appendPublication, appendRetraction } from '@pathways/persistence/testing';
import { PublishingJob, QueueName } from '@pathways/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeEmailKey } from './notice.sender';
import { effectPayload, seedReviewScene, waitFor } from './testing/review-scene';
import { mailKey, type SmtpCapture, startSmtpCapture } from './testing/smtp-capture';
import { startTestWorker, type TestWorker } from './testing/test-worker';

let orm: MikroORM;
let smtp: SmtpCapture;
let worker: TestWorker;
const em = () => orm.em.fork();

beforeAll(async () => {
  smtp = await startSmtpCapture();
  worker = await startTestWorker(QueueName.Publishing, { SMTP_URL: smtp.url });
  orm = await MikroORM.init(ormConfig({ databaseUrl: worker.db.url, poolMax: 2 }));
});

afterAll(async () => {
  await worker?.close();
  await smtp?.close();
  await orm?.close();
});

const run = async (name: (typeof PublishingJob)[keyof typeof PublishingJob], data: object) => {
  const job = await worker.producer.add(QueueName.Publishing, name, data as never);
  return job.waitUntilFinished(worker.events, 15_000);
};

describe('publishing queue', () => {
  it('tells the authors their practice is published, with its public link, once', async () => {
    const scene = await seedReviewScene(em(), 'published');
    const effect = effectPayload(scene.practiceId, 'publish', 'Practice');
    expect(await run(PublishingJob.PublishPractice, effect)).toEqual({ done: 'published', notified: 1 });
    expect(await run(PublishingJob.PublishPractice, effect)).toEqual({ done: 'published', notified: 0 });
    const [notice] = await em().find(
      Notification,
      { kind: 'practice_published', sourceId: effect.eventId },
      { populate: ['recipient'] },
    );
    expect(notice.recipient.id).toBe(scene.author.id);
    expect(notice.title).toBe(`Published: ${scene.title}`);
    expect(notice.link).toBe(`/practices/${scene.practiceId}`);
    const key = noticeEmailKey({ kind: 'practice_published', sourceId: effect.eventId }, scene.author.id);
    await waitFor(async () => smtp.received.some((m) => mailKey(m) === key), 'the e-mail');
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.filter((m) => mailKey(m) === key)).toHaveLength(1);
  });

  it('tells the authors a revision is published when a second version reaches the library', async () => {
    const scene = await seedReviewScene(em(), 'published');
    const tx = em();
    const practice = await tx.findOneOrFail(
      Practice,
      { id: scene.practiceId },
      { populate: ['currentVersion'] },
    );
    const first = practice.currentVersion!.getEntity();
    first.publishedAt = new Date();
    const second = tx.create(PracticeVersion, {
      practice,
      number: 2,
      content: first.content,
      publishedAt: new Date(),
    });
    practice.currentVersion = ref(second);
    practice.publishedVersion = ref(second);
    await tx.flush();
    const effect = effectPayload(scene.practiceId, 'publish', 'Practice');
    expect(await run(PublishingJob.PublishPractice, effect)).toEqual({ done: 'published', notified: 1 });
    const [notice] = await em().find(Notification, { kind: 'revision_published', sourceId: effect.eventId });
    expect(notice.title).toBe(`New version published: ${scene.title}`);
  });

  it('keeps the public library in line with the workflow log: listed, retracted, idempotently', async () => {
    const scene = await seedReviewScene(em(), 'published');
    const publish = effectPayload(scene.practiceId, 'publish', 'Practice');
    const entry = async () => {
      const rows = await em().execute<{ title: string; retracted: boolean; found: boolean }[]>(
        `select title, retracted, search @@ websearch_to_tsquery('library_en', 'orientations') as found
         from library_practice where id = ?`,
        [scene.practiceId],
      );
      return rows[0];
    };
    // Until the log holds a publication, the status alone lists nothing.
    await run(PublishingJob.PublishPractice, publish);
    expect(await entry()).toBeUndefined();

    await appendPublication(em(), scene.practiceId, 1);
    await run(PublishingJob.PublishPractice, publish);
    await run(PublishingJob.PublishPractice, publish);
    expect(await entry()).toEqual({ title: scene.title, retracted: false, found: true });

    await em().nativeUpdate(Practice, { id: scene.practiceId }, { status: 'retracted' });
    await appendRetraction(em(), scene.practiceId, 1, 'Withdrawn.');
    await run(PublishingJob.RetractPractice, effectPayload(scene.practiceId, 'retract', 'Practice'));
    expect(await entry()).toEqual({ title: scene.title, retracted: true, found: true });

    // A late job for a state the practice has left: the library follows the log, not the job.
    await run(PublishingJob.PublishPractice, publish);
    expect(await entry()).toEqual({ title: scene.title, retracted: true, found: true });
  });

  it('announces only the state the practice is in now', async () => {
    const scene = await seedReviewScene(em(), 'published');
    const publish = effectPayload(scene.practiceId, 'publish', 'Practice');
    const retract = effectPayload(scene.practiceId, 'retract', 'Practice');
    await em().nativeUpdate(Practice, { id: scene.practiceId }, { status: 'retracted' });
    // Published, then retracted before the publish job ran: only the retraction is announced.
    expect(await run(PublishingJob.PublishPractice, publish)).toEqual({
      skipped: 'the practice is retracted',
    });
    expect(await run(PublishingJob.RetractPractice, retract)).toEqual({ done: 'retracted', notified: 1 });
    const notices = await em().find(Notification, { recipient: scene.author.id });
    expect(notices.map((n) => [n.kind, n.title])).toEqual([
      ['practice_retracted', `Retracted: ${scene.title}`],
    ]);
  });
});

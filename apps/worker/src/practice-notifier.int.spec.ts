import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  Membership,
  Notification,
  Organisation,
  ormConfig,
  Practice,
  PracticeVersion,
  User,
} from '@pathways/persistence';
import { NotificationJob, QueueName } from '@pathways/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpCapture, startSmtpCapture } from './testing/smtp-capture';
import { startTestWorker, type TestWorker } from './testing/test-worker';

let orm: MikroORM;
let smtp: SmtpCapture;
let worker: TestWorker;
let practiceId: string;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  worker = await startTestWorker(QueueName.Notifications, { SMTP_URL: smtp.url });
  orm = await MikroORM.init(ormConfig({ databaseUrl: worker.db.url, poolMax: 2 }));
  const em = orm.em.fork();
  em.create(User, {
    email: 'editor@example.org',
    name: 'Elena',
    passwordHash: 'x',
    roles: ['partner', 'editor'],
    locale: 'es',
  });
  const author = em.create(User, {
    email: 'author@example.org',
    name: 'Maria',
    passwordHash: 'x',
    locale: 'en',
  });
  em.create(User, { email: 'bystander@example.org', name: 'Nobody', passwordHash: 'x' });
  const org = em.create(Organisation, {
    name: 'Department of Migrant Workers',
    kind: 'government',
    country: 'PH',
    status: 'verified',
  });
  em.create(Membership, { user: author, organisation: org, role: 'focal_point', status: 'active' });
  const practice = em.create(Practice, {
    slug: 'pre-departure-orientation',
    organisation: org,
    status: 'submitted',
    createdBy: author,
  });
  const version = em.create(PracticeVersion, {
    practice,
    number: 1,
    content: { title: 'Pre-departure orientation' },
    createdBy: author,
  });
  practice.currentVersion = version as never;
  await em.flush();
  practiceId = practice.id;
});

afterAll(async () => {
  await worker?.close();
  await smtp?.close();
  await orm?.close();
});

const waitFor = async (check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('practice notifications', () => {
  it('tells the editors and the authors, in their language, in the app and by e-mail — once', async () => {
    const effect = {
      eventId: randomUUID(),
      entityType: 'Practice',
      entityId: practiceId,
      transition: 'submit',
    };
    const first = await worker.producer.add(
      QueueName.Notifications,
      NotificationJob.PracticeSubmitted,
      effect,
      {
        jobId: 'outbox-a',
      },
    );
    expect(await first.waitUntilFinished(worker.events, 15_000)).toEqual({ notified: 2 });
    // The same effect relayed again (another job id) notifies nobody twice.
    const again = await worker.producer.add(
      QueueName.Notifications,
      NotificationJob.PracticeSubmitted,
      effect,
      {
        jobId: 'outbox-b',
      },
    );
    expect(await again.waitUntilFinished(worker.events, 15_000)).toEqual({ notified: 0 });

    const notes = await orm.em
      .fork()
      .find(Notification, {}, { populate: ['recipient'], orderBy: { kind: 'asc' } });
    expect(notes.map((n) => [n.recipient.email, n.kind, n.title])).toEqual([
      ['author@example.org', 'submitted_to_authors', 'Received: Pre-departure orientation'],
      ['editor@example.org', 'submitted_to_editors', 'Nueva propuesta: Pre-departure orientation'],
    ]);
    expect(notes[0].link).toBe(`/practices/${practiceId}`);

    await waitFor(() => smtp.received.length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['author@example.org', 'editor@example.org']);
  });

  it('tells of a revision of a published practice as such: submitted, turned down, withdrawn', async () => {
    const em = orm.em.fork();
    const practice = await em.findOneOrFail(Practice, { id: practiceId }, { populate: ['currentVersion'] });
    practice.publishedVersion = practice.currentVersion;
    await em.flush();
    const send = async (
      job:
        | typeof NotificationJob.PracticeSubmitted
        | typeof NotificationJob.PracticeDecided
        | typeof NotificationJob.RevisionWithdrawn,
      transition: string,
    ) => {
      const effect = { eventId: randomUUID(), entityType: 'Practice', entityId: practiceId, transition };
      const added = await worker.producer.add(QueueName.Notifications, job, effect, {
        jobId: `rev-${transition}`,
      });
      await added.waitUntilFinished(worker.events, 15_000);
      return effect.eventId;
    };
    const titles = async (eventId: string) =>
      (
        await orm.em
          .fork()
          .find(Notification, { sourceId: eventId }, { populate: ['recipient'], orderBy: { kind: 'asc' } })
      ).map((n) => [n.recipient.email, n.kind, n.title]);

    const submitted = await send(NotificationJob.PracticeSubmitted, 'submit');
    expect(await titles(submitted)).toEqual([
      ['author@example.org', 'revision_submitted_to_authors', 'Revision received: Pre-departure orientation'],
      [
        'editor@example.org',
        'revision_submitted_to_editors',
        'Revisión presentada: Pre-departure orientation',
      ],
    ]);
    const rejected = await send(NotificationJob.PracticeDecided, 'reject_revision');
    expect(await titles(rejected)).toEqual([
      ['author@example.org', 'revision_rejected', 'Revision not accepted: Pre-departure orientation'],
    ]);
    const withdrawn = await send(NotificationJob.RevisionWithdrawn, 'withdraw_revision');
    expect((await titles(withdrawn)).sort()).toEqual([
      ['author@example.org', 'revision_withdrawn', 'Revision withdrawn: Pre-departure orientation'],
      ['editor@example.org', 'revision_withdrawn', 'Revisión retirada: Pre-departure orientation'],
    ]);
  });
});

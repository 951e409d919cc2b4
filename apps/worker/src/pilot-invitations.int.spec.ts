import { randomBytes, randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import type { OrganisationKind } from '@pathways/contracts';
import {
  applyTransition,
  Membership,
  Notification,
  Organisation,
  ormConfig,
  OutboxMessage,
  Pilot,
  PilotPartner,
  User,
  WorkflowEvent,
} from '@pathways/persistence';
import { PilotJob, pilotInvitationTimerIds, QueueName } from '@pathways/queues';
import { pilotPartnerWorkflow, pilotWorkflow } from '@pathways/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeEmailKey } from './notice.sender';
import { PilotInvitationTimers } from './pilot-invitation-timers.service';
import { waitFor } from './testing/review-scene';
import { mailKey, type SmtpCapture, startSmtpCapture } from './testing/smtp-capture';
import { startTestWorker, type TestWorker } from './testing/test-worker';

let orm: MikroORM;
let smtp: SmtpCapture;
let worker: TestWorker;
const em = () => orm.em.fork();

// One compressed day is a second: an invitation open for 3 days lapses after 3 s, reminded 1 s before.
beforeAll(async () => {
  smtp = await startSmtpCapture();
  worker = await startTestWorker(QueueName.Pilots, {
    SMTP_URL: smtp.url,
    OUTBOX_POLL_MS: '100',
    WEB_URL: 'https://pathways.example',
    DAY_SECONDS: '1',
    PILOT_INVITATION_REMINDER_DAYS: '1',
  });
  orm = await MikroORM.init(ormConfig({ databaseUrl: worker.db.url, poolMax: 2 }));
});

afterAll(async () => {
  await worker?.close();
  await smtp?.close();
  await orm?.close();
});

/** A proposed pilot PH → MX led by a ministry, and an NGO and a UN entity with focal points and members. */
async function seedPilot(status: Pilot['status'] = 'proposed') {
  const tx = em();
  const tag = randomBytes(4).toString('hex');
  const user = (name: string, locale: User['locale']) =>
    tx.create(User, {
      email: `${name.toLowerCase()}.${tag}@example.org`,
      name,
      passwordHash: 'x',
      roles: ['partner'],
      locale,
    });
  const organisation = (
    name: string,
    kind: OrganisationKind,
    country: string | null,
    focal: User,
    member?: User,
  ) => {
    const org = tx.create(Organisation, { name: `${name} ${tag}`, kind, country, status: 'verified' });
    tx.create(Membership, { user: focal, organisation: org, role: 'focal_point', status: 'active' });
    if (member) tx.create(Membership, { user: member, organisation: org, role: 'member', status: 'active' });
    return org;
  };
  const people = {
    maria: user('Maria', 'es'),
    joy: user('Joy', 'en'),
    claire: user('Claire', 'fr'),
    kofi: user('Kofi', 'en'),
    grace: user('Grace', 'en'),
  };
  const ministry = organisation(
    'Department of Migrant Workers',
    'government',
    'PH',
    people.maria,
    people.joy,
  );
  const ngo = organisation('Centre Kanlungan', 'civil_society', 'MX', people.claire, people.kofi);
  const un = organisation('UN Women', 'un_entity', null, people.grace);
  const title = `Safe corridors ${tag}`;
  const pilot = tx.create(Pilot, {
    slug: `pilot-${tag}`,
    leadOrganisation: ministry,
    status,
    content: {
      title,
      countries: [
        { code: 'PH', role: 'origin' },
        { code: 'MX', role: 'destination' },
      ],
    },
  });
  tx.create(PilotPartner, { pilot, organisation: ministry, role: 'lead', status: 'accepted' });
  await tx.flush();
  return { pilotId: pilot.id, title, people, ministry, ngo, un };
}

/** What the API's invite writes: the row, and its notice and timers in the outbox. */
async function invite(
  pilotId: string,
  organisationId: string,
  days: number,
  status: PilotPartner['status'] = 'invited',
) {
  const tx = em();
  const now = new Date();
  const partner = tx.create(PilotPartner, {
    pilot: pilotId,
    organisation: organisationId,
    role: 'implementing',
    status,
    message: 'Join us.',
    invitedAt: now,
    expiresAt: new Date(now.getTime() + days * 1000),
  });
  for (const jobName of [PilotJob.InvitationReceived, PilotJob.ScheduleInvitationTimers])
    tx.create(OutboxMessage, {
      queue: QueueName.Pilots,
      jobName,
      payload: { partnerId: partner.id, invitedAt: now.toISOString() },
    });
  await tx.flush();
  return partner.id;
}

/** What the API's re-invitation writes: the `reinvite` event, the new round on the row, its jobs. */
async function reinvite(partnerId: string, days: number) {
  const eventId = await fire('PilotPartner', partnerId, 'reinvite');
  const tx = em();
  const now = new Date();
  await tx.nativeUpdate(
    PilotPartner,
    { id: partnerId },
    { invitedAt: now, expiresAt: new Date(now.getTime() + days * 1000), respondedAt: null },
  );
  for (const jobName of [PilotJob.InvitationReceived, PilotJob.ScheduleInvitationTimers])
    tx.create(OutboxMessage, {
      queue: QueueName.Pilots,
      jobName,
      payload: { partnerId, invitedAt: now.toISOString() },
    });
  await tx.flush();
  return { eventId, invitedAt: now };
}

const notices = (kind: string, sourceId?: string) =>
  em().find(
    Notification,
    { kind, ...(sourceId ? { sourceId } : {}) },
    { populate: ['recipient'], orderBy: { recipient: { name: 'asc' } } },
  );

/** Fires a transition as the API's runner does: the state, the chained event and the effects' outbox rows. */
async function fire(
  entity: 'Pilot' | 'PilotPartner',
  id: string,
  transition: string,
  payload: Record<string, unknown> = {},
) {
  const tx = em();
  const record =
    entity === 'Pilot' ? await tx.findOneOrFail(Pilot, { id }) : await tx.findOneOrFail(PilotPartner, { id });
  const definition = entity === 'Pilot' ? pilotWorkflow : pilotPartnerWorkflow;
  // The API checked the guards; here only the shape of the step and its effects matter.
  const spec = (definition.transitions as Record<string, { to: string; effects?: readonly string[] }>)[
    transition
  ];
  await tx.transactional((t) =>
    applyTransition(t, {
      entity: entity === 'Pilot' ? Pilot : PilotPartner,
      entityType: entity,
      workflow: definition.name,
      record,
      transition,
      from: record.status,
      to: spec.to,
      effects: spec.effects ?? [],
      actorId: null,
      payload,
    }),
  );
  return (
    await em().findOneOrFail(
      WorkflowEvent,
      { entityType: entity, entityId: id },
      { orderBy: { sequence: 'desc' } },
    )
  ).id;
}

describe('pilot invitations through the queue', () => {
  it('tells the invited focal points in their language, reminds them before it lapses, then expires it as the system and tells the lead', async () => {
    const scene = await seedPilot();
    const partnerId = await invite(scene.pilotId, scene.ngo.id, 3);

    const received = await waitFor(
      async () => (await notices('pilot_invitation_received', partnerId))[0],
      'the invitation notice',
    );
    expect(received.recipient.id).toBe(scene.people.claire.id);
    expect(received.title).toBe(`Invitation à un projet pilote : ${scene.title}`);
    expect(received.body).toMatch(
      new RegExp(
        `^${scene.ministry.name} invite votre organisation à rejoindre le projet pilote « ${scene.title} » en tant que partenaire de mise en œuvre\\. Acceptez ou déclinez avant le .+ UTC\\.$`,
      ),
    );
    expect(received.link).toBe(`/pilots/${scene.pilotId}`);
    const key = noticeEmailKey(
      { kind: 'pilot_invitation_received', sourceId: partnerId },
      scene.people.claire.id,
    );
    const mail = await waitFor(
      async () => smtp.received.find((m) => mailKey(m) === key),
      'the invitation e-mail',
    );
    expect(mail.to).toEqual([scene.people.claire.email]);
    // Quoted-printable wraps long lines with soft breaks.
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain(`https://pathways.example/pilots/${scene.pilotId}`);

    // Timers with deterministic ids: the reminder, then the expiry.
    const timers = worker.producer.queue(QueueName.Pilots);
    const { invitedAt } = await em().findOneOrFail(PilotPartner, { id: partnerId });
    await waitFor(
      () => timers.getJob(pilotInvitationTimerIds.expire(partnerId, invitedAt)),
      'the expiry timer',
    );
    const reminder = await waitFor(
      async () => (await notices('pilot_invitation_reminder', partnerId))[0],
      'the reminder',
    );
    expect(reminder.recipient.id).toBe(scene.people.claire.id);
    expect(reminder.title).toBe(`Rappel : invitation à ${scene.title}`);

    const expired = await waitFor(
      async () => (await em().findOneOrFail(PilotPartner, { id: partnerId })).status === 'expired',
      'the expiry',
    );
    expect(expired).toBe(true);
    const [event] = await em().find(WorkflowEvent, { entityType: 'PilotPartner', entityId: partnerId });
    expect(event).toMatchObject({
      transition: 'expire',
      fromState: 'invited',
      toState: 'expired',
      actorId: null,
    });
    const toLead = await waitFor(
      async () => (await notices('pilot_invitation_expire', event.id))[0],
      'the lapse notice',
    );
    expect(toLead.recipient.id).toBe(scene.people.maria.id);
    expect(toLead.title).toBe(`Invitación vencida: ${scene.ngo.name}`);
    // The reminder went out while the invitation was still open.
    expect(reminder.createdAt.getTime()).toBeLessThan(event.createdAt.getTime());
    // Members and other organisations hear nothing.
    const told = await em().find(Notification, {
      recipient: { $in: [scene.people.joy.id, scene.people.kofi.id, scene.people.grace.id] },
    });
    expect(told).toEqual([]);
  });

  it('does not expire or remind an answered invitation, nor expire an open one, and schedules each timer once', async () => {
    const scene = await seedPilot();
    const timers = worker.app.get(PilotInvitationTimers);
    const partnerId = await invite(scene.pilotId, scene.un.id, 3_600);
    const later = new Date(Date.now() + 7_200_000);
    expect(await timers.expire({ partnerId }, new Date())).toEqual({
      skipped: 'the invitation is still open',
    });

    await timers.schedule({ partnerId });
    await timers.schedule({ partnerId });
    const queue = worker.producer.queue(QueueName.Pilots);
    const delayed = (await queue.getDelayed()).filter((j) => j.data.partnerId === partnerId);
    const { invitedAt } = await em().findOneOrFail(PilotPartner, { id: partnerId });
    expect(delayed.map((j) => j.id).sort()).toEqual([
      pilotInvitationTimerIds.expire(partnerId, invitedAt),
      pilotInvitationTimerIds.remind(partnerId, invitedAt),
    ]);

    await fire('PilotPartner', partnerId, 'accept');
    expect(await timers.expire({ partnerId }, later)).toEqual({ skipped: 'the invitation is accepted' });
    expect(await timers.remind({ partnerId })).toEqual({ skipped: 'the invitation is accepted' });
    expect(await timers.expire({ partnerId: randomUUID() }, later)).toEqual({
      skipped: 'the invitation no longer exists',
    });
    expect(await em().findOneOrFail(PilotPartner, { id: partnerId })).toMatchObject({ status: 'accepted' });
    expect(
      (await em().find(WorkflowEvent, { entityType: 'PilotPartner', entityId: partnerId })).map(
        (e) => e.transition,
      ),
    ).toEqual(['accept']);
  });

  it("invites again on the same row: the new round is told and timed afresh, the earlier round's timers do nothing", async () => {
    const scene = await seedPilot();
    const timers = worker.app.get(PilotInvitationTimers);
    const partnerId = await invite(scene.pilotId, scene.ngo.id, 3_600);
    const first = await em().findOneOrFail(PilotPartner, { id: partnerId });
    const queue = worker.producer.queue(QueueName.Pilots);
    // The first round's reminder waits an hour on: it must not stand in for the second's.
    await waitFor(
      () => queue.getJob(pilotInvitationTimerIds.remind(partnerId, first.invitedAt)),
      'the timers',
    );
    await waitFor(async () => (await notices('pilot_invitation_received', partnerId))[0], 'the first notice');
    await fire('PilotPartner', partnerId, 'decline');

    const second = await reinvite(partnerId, 3);
    const told = await waitFor(
      async () => (await notices('pilot_invitation_received', second.eventId))[0],
      'the notice of the second round',
    );
    expect(told.recipient.id).toBe(scene.people.claire.id);
    const key = noticeEmailKey(
      { kind: 'pilot_invitation_received', sourceId: second.eventId },
      scene.people.claire.id,
    );
    await waitFor(async () => smtp.received.find((m) => mailKey(m) === key), 'its e-mail');
    const reminded = await waitFor(
      async () => (await notices('pilot_invitation_reminder', second.eventId))[0],
      'the reminder of the second round',
    );
    expect(reminded.recipient.id).toBe(scene.people.claire.id);
    await waitFor(
      async () => (await em().findOneOrFail(PilotPartner, { id: partnerId })).status === 'expired',
      'the expiry of the second round',
    );
    expect(
      (await em().find(WorkflowEvent, { entityType: 'PilotPartner', entityId: partnerId })).map(
        (e) => e.transition,
      ),
    ).toEqual(['decline', 'reinvite', 'expire']);

    // The first round's jobs, whenever they run, find a later invitation in its place.
    const earlier = { partnerId, invitedAt: first.invitedAt.toISOString() };
    await reinvite(partnerId, 3_600);
    const later = new Date(Date.now() + 7_200_000);
    const superseded = { skipped: 'a later invitation replaced this one' };
    expect(await timers.remind(earlier)).toEqual(superseded);
    expect(await timers.expire(earlier, later)).toEqual(superseded);
    expect(await timers.schedule(earlier)).toEqual(superseded);
    expect(await em().findOneOrFail(PilotPartner, { id: partnerId })).toMatchObject({ status: 'invited' });
    expect(await notices('pilot_invitation_reminder', partnerId)).toEqual([]);
  });

  it("tells the lead's focal points of an answer, and the lead's and accepted partners' focal points of each change of state", async () => {
    const scene = await seedPilot('forming');
    const toNgo = await invite(scene.pilotId, scene.ngo.id, 3_600);
    const toUn = await invite(scene.pilotId, scene.un.id, 3_600);
    const accepted = await fire('PilotPartner', toNgo, 'accept');
    const declined = await fire('PilotPartner', toUn, 'decline');
    const acceptNotice = await waitFor(
      async () => (await notices('pilot_invitation_accept', accepted))[0],
      'the acceptance notice',
    );
    expect(acceptNotice).toMatchObject({
      title: `${scene.ngo.name} se sumó a ${scene.title}`,
      recipient: { id: scene.people.maria.id },
    });
    const declineNotice = await waitFor(
      async () => (await notices('pilot_invitation_decline', declined))[0],
      'the decline notice',
    );
    expect(declineNotice.body).toBe(
      `${scene.un.name} declinó su invitación al proyecto piloto «${scene.title}».`,
    );

    const activated = await fire('Pilot', scene.pilotId, 'activate');
    const told = await waitFor(async () => {
      const rows = await notices('pilot_state_changed', activated);
      return rows.length === 2 ? rows : null;
    }, 'the state notices');
    expect(told.map((n) => [n.recipient.id, n.title])).toEqual([
      [scene.people.claire.id, `${scene.title} est désormais actif`],
      [scene.people.maria.id, `${scene.title} ahora está activo`],
    ]);
    const closed = await fire('Pilot', scene.pilotId, 'close', { comment: 'Funding ended.' });
    const closeNotice = await waitFor(
      async () =>
        (await notices('pilot_state_changed', closed)).find((n) => n.recipient.id === scene.people.claire.id),
      'the closing notice',
    );
    expect(closeNotice.body).toBe(
      `Le projet pilote « ${scene.title} » est désormais clôturé. Motif indiqué : Funding ended.`,
    );
    const key = noticeEmailKey({ kind: 'pilot_state_changed', sourceId: closed }, scene.people.maria.id);
    await waitFor(
      async () => smtp.received.find((m) => mailKey(m) === key),
      'the closing e-mail to the lead',
    );
    // Nobody of the organisation that declined hears of the pilot's state.
    expect(
      await em().count(Notification, { recipient: scene.people.grace.id, kind: 'pilot_state_changed' }),
    ).toBe(0);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { reportingStatus } from '@pathways/contracts';
import {
  Membership,
  Notification,
  Organisation,
  applyTransition,
  ormConfig,
  Pilot,
  PilotPartner,
  PilotReport,
  User,
} from '@pathways/persistence';
import { PilotReportJob, pilotReportTimerId, QueueName } from '@pathways/queues';
import { decide, pilotWorkflow } from '@pathways/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeEmailKey } from './notice.sender';
import { PilotReportTimers } from './pilot-report-timers.service';
import { waitFor } from './testing/review-scene';
import { mailKey, type SmtpCapture, startSmtpCapture } from './testing/smtp-capture';
import { startTestWorker, type TestWorker } from './testing/test-worker';

let orm: MikroORM;
let smtp: SmtpCapture;
let worker: TestWorker;
let timers: PilotReportTimers;
const em = () => orm.em.fork();
// Compressed: the reminder 1 s before the light turns yellow at 3.04 s, red at 6.09 s.
const thresholds = { yellowAfterMs: 3_044, redAfterMs: 6_088 };

beforeAll(async () => {
  smtp = await startSmtpCapture();
  worker = await startTestWorker(QueueName.Reminders, {
    SMTP_URL: smtp.url,
    OUTBOX_POLL_MS: '100',
    // A day of one second: 0.1 month is 3.04 s.
    DAY_SECONDS: '1',
    PILOT_REPORTING_YELLOW_AFTER: '0.1',
    PILOT_REPORTING_RED_AFTER: '0.2',
    PILOT_REPORT_REMINDER_BEFORE: '1',
  });
  orm = await MikroORM.init(ormConfig({ databaseUrl: worker.db.url, poolMax: 4 }));
  timers = worker.app.get(PilotReportTimers);
});

afterAll(async () => {
  await worker?.close();
  await smtp?.close();
  await orm?.close();
});

/** An active pilot led by a ministry (focal point reads Spanish) with two accepted partners and one only invited. */
async function seedPilot(status: Pilot['status'] = 'active') {
  const e = em();
  const tag = randomBytes(4).toString('hex');
  const user = (name: string, locale: User['locale']) =>
    e.create(User, {
      email: `${name.toLowerCase()}.${tag}@example.org`,
      name,
      passwordHash: 'x',
      roles: ['partner'],
      locale,
    });
  const org = (name: string, kind: Organisation['kind']) =>
    e.create(Organisation, { name: `${name} ${tag}`, kind, country: 'MX', status: 'verified' });
  const people = {
    leadFocal: user('Lucia', 'es'),
    leadMember: user('Mateo', 'es'),
    ngoFocal: user('Florence', 'fr'),
    unFocal: user('Uma', 'en'),
    invitedFocal: user('Ivan', 'en'),
  };
  const [lead, ngo, un, invited] = [
    org('Ministry', 'government'),
    org('NGO', 'civil_society'),
    org('UN Women', 'un_entity'),
    org('Foundation', 'civil_society'),
  ];
  const member = (u: User, o: Organisation, role: Membership['role'] = 'focal_point') =>
    e.create(Membership, { user: u, organisation: o, role, status: 'active' });
  member(people.leadFocal, lead);
  member(people.leadMember, lead, 'member');
  member(people.ngoFocal, ngo);
  member(people.unFocal, un);
  member(people.invitedFocal, invited);
  const title = `Safe migration corridor ${tag}`;
  const pilot = e.create(Pilot, {
    slug: `pilot-${tag}`,
    leadOrganisation: lead,
    status,
    activatedAt: status === 'forming' ? null : new Date(),
    content: { title, language: 'es' },
  });
  e.create(PilotPartner, { pilot, organisation: lead, role: 'lead', status: 'accepted' });
  e.create(PilotPartner, { pilot, organisation: ngo, role: 'implementing', status: 'accepted' });
  e.create(PilotPartner, { pilot, organisation: un, role: 'technical', status: 'accepted' });
  e.create(PilotPartner, { pilot, organisation: invited, role: 'funding', status: 'invited' });
  await e.flush();
  return { pilot, title, people, orgs: { lead, ngo } };
}

/** Fires `activate` through the workflow, as the pilots API does: state, event and effects together. */
async function activate(pilotId: string): Promise<Date> {
  const e = em();
  const record = await e.findOneOrFail(Pilot, { id: pilotId });
  const decision = decide(pilotWorkflow, 'forming', 'activate', activationReady, () => true);
  if (!decision.ok) throw new Error(decision.refusal.message);
  const activatedAt = new Date();
  await e.transactional(async (tx) => {
    await applyTransition(tx, {
      entity: Pilot,
      entityType: 'Pilot',
      workflow: pilotWorkflow.name,
      record,
      transition: 'activate',
      from: decision.from,
      to: decision.to,
      effects: decision.effects,
      actorId: null,
    });
    // In the same transaction, so the effect never finds the pilot without its activation time.
    await tx.nativeUpdate(Pilot, { id: pilotId }, { activatedAt });
  });
  expect(decision.effects).toContain(`${QueueName.Reminders}.${PilotReportJob.ScheduleReporting}`);
  return activatedAt;
}
const activationReady = {
  missingFields: [],
  invitationsSent: 3,
  acceptedPartners: 2,
  origins: ['PH'],
  destinations: ['MX'],
  partnerCountries: ['PH', 'MX'],
};

const notices = (pilotId: string, kind: string) =>
  em().find(
    Notification,
    { sourceId: pilotId, kind },
    { populate: ['recipient'], orderBy: { createdAt: 'asc' } },
  );

describe('pilot reporting timers, with compressed time', () => {
  it('reminds the focal points before the report falls due, and e-mails them when the light turns yellow, then red', async () => {
    const { pilot, title, people } = await seedPilot('forming');
    const focal = [people.leadFocal, people.ngoFocal, people.unFocal];
    // Activating as the API does: the workflow's effect starts the timers through the outbox.
    const activatedAt = await activate(pilot.id);

    const yellow = await waitFor(async () => {
      const rows = await notices(pilot.id, 'pilot_report_yellow');
      return rows.length === 3 ? rows : null;
    }, 'the yellow notices');
    expect(yellow.map((n) => n.recipient.id).sort()).toEqual(focal.map((u) => u.id).sort());
    // Each notice went when the light had turned yellow, not before.
    for (const n of yellow)
      expect(reportingStatus(null, activatedAt, n.createdAt, thresholds)).toBe('yellow');
    const spanish = yellow.find((n) => n.recipient.id === people.leadFocal.id)!;
    expect(spanish.title).toBe(`Informe de avance atrasado: ${title}`);
    expect(spanish.link).toBe(`/pilots/${pilot.id}`);

    const due = await notices(pilot.id, 'pilot_report_due_soon');
    expect(due).toHaveLength(3);
    for (const n of due) expect(reportingStatus(null, activatedAt, n.createdAt, thresholds)).toBe('green');
    expect(due.find((n) => n.recipient.id === people.ngoFocal.id)?.title).toBe(
      `Rapport d’avancement bientôt attendu : ${title}`,
    );

    for (const u of focal) {
      const key = noticeEmailKey({ kind: 'pilot_report_yellow', sourceId: pilot.id }, u.id);
      const mail = await waitFor(
        async () => smtp.received.find((m) => mailKey(m) === key),
        `the yellow e-mail to ${u.name}`,
      );
      expect(mail.to).toEqual([u.email]);
    }
    const key = noticeEmailKey({ kind: 'pilot_report_yellow', sourceId: pilot.id }, people.leadFocal.id);
    expect(smtp.received.find((m) => mailKey(m) === key)?.raw).toMatch(/Informe de avance atrasado/);

    const red = await waitFor(async () => {
      const rows = await notices(pilot.id, 'pilot_report_red');
      return rows.length === 3 ? rows : null;
    }, 'the red notices');
    for (const n of red) expect(reportingStatus(null, activatedAt, n.createdAt, thresholds)).toBe('red');
    // Members who are not focal points, and organisations only invited, are not told.
    expect(
      await em().count(Notification, {
        recipient: { $in: [people.leadMember.id, people.invitedFocal.id] },
        kind: { $like: 'pilot_report_%' },
      }),
    ).toBe(0);
  });
});

describe('pilot reporting timers that no longer apply', () => {
  it('are replaced when the lead submits a compiled report, and the earlier round sends nothing', async () => {
    const { pilot, orgs } = await seedPilot();
    const since = pilot.activatedAt!.toISOString();
    expect(await timers.schedule({ pilotId: pilot.id })).toMatchObject({ done: 'scheduled', since });

    const submittedAt = new Date(pilot.activatedAt!.getTime() + 500);
    const e = em();
    e.create(PilotReport, {
      pilot: pilot.id,
      organisation: orgs.lead.id,
      compiled: true,
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      submittedAt,
    });
    await e.flush();
    const again = await timers.schedule({ pilotId: pilot.id });
    expect(again).toEqual({
      done: 'scheduled',
      since: submittedAt.toISOString(),
      timers: (['due_soon', 'yellow', 'red'] as const).map((m) => pilotReportTimerId(pilot.id, m)),
    });
    const queue = worker.producer.queue(QueueName.Reminders);
    for (const moment of ['due_soon', 'yellow', 'red'] as const) {
      const job = await queue.getJob(pilotReportTimerId(pilot.id, moment));
      expect(job?.data, moment).toEqual({ pilotId: pilot.id, moment, since: submittedAt.toISOString() });
    }

    // A timer of the earlier round that fires anyway finds the new report.
    const late = new Date(Date.now() + 60_000);
    expect(await timers.remind({ pilotId: pilot.id, moment: 'yellow', since }, late)).toEqual({
      skipped: 'the pilot reported meanwhile',
    });
    expect(await notices(pilot.id, 'pilot_report_yellow')).toHaveLength(0);
  });

  it('send nothing for a pilot no longer active, and wait for a moment not reached', async () => {
    const completed = await seedPilot('completed');
    const since = completed.pilot.activatedAt!.toISOString();
    expect(await timers.schedule({ pilotId: completed.pilot.id })).toEqual({
      skipped: 'the pilot is completed',
    });
    expect(await timers.remind({ pilotId: completed.pilot.id, moment: 'red', since })).toEqual({
      skipped: 'the pilot is completed',
    });
    const active = await seedPilot();
    const early = await timers.remind(
      { pilotId: active.pilot.id, moment: 'red', since: active.pilot.activatedAt!.toISOString() },
      active.pilot.activatedAt!,
    );
    expect(early).toEqual({ skipped: 'the red moment is not reached yet; timers set again' });
    const red = await waitFor(
      () => worker.producer.queue(QueueName.Reminders).getJob(pilotReportTimerId(active.pilot.id, 'red')),
      'the red timer set again',
    );
    expect(red.data).toEqual({
      pilotId: active.pilot.id,
      moment: 'red',
      since: active.pilot.activatedAt!.toISOString(),
    });
    expect(await timers.remind({ pilotId: randomUUID(), moment: 'red', since })).toEqual({
      skipped: 'the pilot no longer exists',
    });
  });

  it('refuse a malformed payload naming the field', async () => {
    await expect(timers.remind({ pilotId: 'x', moment: 'orange', since: 'soon' })).rejects.toThrow(
      /pilotId: pilotId must be a UUID.*moment: moment is one of: due_soon, yellow, red.*since: since must be an ISO date-time/,
    );
  });
});

import {
  Membership,
  OutboxMessage,
  Pilot,
  PilotMilestone,
  PilotReport,
  WorkflowEvent,
} from '@pathways/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pilotIndicators, seedPilotReportScene } from '../testing/pilot-report-scene';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';

type Scene = Awaited<ReturnType<typeof seedPilotReportScene>>;
const [trained, placed] = pilotIndicators.map((i) => i.indicator);
const period = { start: '2026-01-01', end: '2026-06-30' };
const secondsAgo = (s: number) => new Date(Date.now() - s * 1000);

describe('pilot milestones, progress reports and the reporting light', () => {
  let api: TestApi;
  let scene: Scene;

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token?: string, payload?: object) =>
    api.request({ method, url, payload, headers: token ? bearer(token) : {} });
  const milestones = (s: Scene = scene) => `/api/pilots/${s.pilot.id}/milestones`;
  const reports = (s: Scene = scene) => `/api/pilots/${s.pilot.id}/reports`;
  const draft = async (token: string, body: object = {}, s: Scene = scene) => {
    const response = await call('POST', reports(s), token, { period, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const submit = async (token: string, report: { id: string; version: number }, s: Scene = scene) => {
    const response = await call('POST', `${reports(s)}/${report.id}/submit`, token, {
      version: report.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const light = async (s: Scene = scene, token?: string) => {
    const response = await call('GET', `/api/pilots/${s.pilot.id}/reporting`, token);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const setPilot = (
    s: Scene,
    changes: Partial<Pick<Pilot, 'activatedAt' | 'status' | 'completedAt' | 'closedAt'>>,
  ) => s.em.fork().nativeUpdate(Pilot, { id: s.pilot.id }, changes);

  // The light turns yellow after 30.4 s without a report and red after 60.9 s; tests move the dates back.
  beforeAll(async () => {
    api = await startTestApi({
      // A day of one second: a month of the light lasts 30.4 s.
      DAY_SECONDS: '1',
      PILOT_REPORTING_YELLOW_AFTER: '1',
      PILOT_REPORTING_RED_AFTER: '2',
      PILOT_REPORT_REMINDER_BEFORE: '10',
      // Each scene signs up nine people.
      REGISTRATIONS_PER_IP_PER_HOUR: '1000',
    });
    scene = await seedPilotReportScene(api);
  });
  afterAll(() => api?.close());

  describe('reporting light', () => {
    it('is green for a new pilot, yellow and red as activation recedes without a report', async () => {
      const s = await seedPilotReportScene(api);
      const activatedAt = secondsAgo(1);
      await setPilot(s, { activatedAt });
      expect(await light(s)).toEqual({
        status: 'green',
        lastReportAt: null,
        nextDueAt: new Date(activatedAt.getTime() + 30_438).toISOString(),
        thresholds: { yellowAfterMs: 30_438, redAfterMs: 60_875 },
      });
      await setPilot(s, { activatedAt: secondsAgo(45) });
      expect((await light(s)).status).toBe('yellow');
      await setPilot(s, { activatedAt: secondsAgo(90) });
      expect((await light(s)).status).toBe('red');
    });

    it("counts from the lead's last compiled report; the partners' own parts do not move it", async () => {
      const s = await seedPilotReportScene(api);
      const activatedAt = secondsAgo(45);
      await setPilot(s, { activatedAt });
      await submit(s.people.ngoMember.token, await draft(s.people.ngoMember.token, {}, s), s);
      expect(await light(s)).toMatchObject({ status: 'yellow', lastReportAt: null });

      const compiled = await submit(
        s.people.leadMember.token,
        await draft(s.people.leadMember.token, { compiled: true }, s),
        s,
      );
      const now = await light(s);
      expect(now).toMatchObject({ status: 'green', lastReportAt: compiled.submittedAt });
      expect(now.nextDueAt).toBe(new Date(Date.parse(compiled.submittedAt) + 30_438).toISOString());
      await s.em.fork().nativeUpdate(PilotReport, { id: compiled.id }, { submittedAt: secondsAgo(61) });
      expect((await light(s)).status).toBe('red');
    });

    it('keeps the light of an ended pilot as it was at its end, with nothing due, and shows none to the public before activation', async () => {
      const completed = await seedPilotReportScene(api, 'completed');
      await setPilot(completed, { activatedAt: secondsAgo(45), completedAt: secondsAgo(1) });
      expect(await light(completed)).toMatchObject({ status: 'yellow', nextDueAt: null });
      // Ended while green, it stays green as its activation recedes past red.
      await setPilot(completed, { activatedAt: secondsAgo(90), completedAt: secondsAgo(80) });
      expect((await light(completed)).status).toBe('green');
      const closed = await seedPilotReportScene(api, 'closed');
      await setPilot(closed, { activatedAt: secondsAgo(90), closedAt: secondsAgo(50) });
      expect((await light(closed)).status).toBe('yellow');
      const forming = await seedPilotReportScene(api, 'forming');
      expect((await call('GET', `/api/pilots/${forming.pilot.id}/reporting`)).statusCode).toBe(404);
      expect(await light(forming, forming.people.leadMember.token)).toMatchObject({
        status: 'none',
        nextDueAt: null,
      });
    });
  });

  describe('milestones', () => {
    it("are kept by the lead's focal points and read by anyone once the pilot is active", async () => {
      const { leadFocal, leadMember, ngoFocal, stranger } = scene.people;
      const created = await call('POST', milestones(), leadFocal.token, {
        title: 'Pre-departure course designed',
        dueDate: '2026-09-30',
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ status: 'planned', progress: 0, version: 1 });
      const body = { title: 'Not mine', dueDate: '2026-10-01' };
      for (const who of [leadMember, ngoFocal, stranger])
        expect((await call('POST', milestones(), who.token, body)).statusCode).toBe(403);
      expect((await call('POST', milestones(), undefined, body)).statusCode).toBe(401);

      const listed = await call('GET', milestones());
      expect(listed.statusCode).toBe(200);
      expect(listed.json().items.map((m: { id: string }) => m.id)).toContain(created.json().id);
    });

    it('update with the version seen (409 when stale), refuse bad fields by name, and delete', async () => {
      const { leadFocal, ngoFocal } = scene.people;
      const m = (
        await call('POST', milestones(), leadFocal.token, { title: 'Pilot launch', dueDate: '2026-03-01' })
      ).json();
      const url = `${milestones()}/${m.id}`;
      const updated = await call('PATCH', url, leadFocal.token, {
        status: 'in_progress',
        progress: 40,
        version: m.version,
      });
      expect(updated.statusCode, updated.body).toBe(200);
      expect(updated.json()).toMatchObject({ status: 'in_progress', progress: 40, title: 'Pilot launch' });
      const stale = await call('PATCH', url, leadFocal.token, { progress: 50, version: m.version });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('STALE_VERSION');

      const bad = await call('PATCH', url, leadFocal.token, {
        progress: 101,
        dueDate: '30/09/2026',
        status: 'finished',
        version: updated.json().version,
      });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .issues.map((i: { path: string }) => i.path)
          .sort(),
      ).toEqual(['dueDate', 'progress', 'status']);
      const fractional = await call('POST', milestones(), leadFocal.token, {
        title: 'x',
        dueDate: '2026-01-01',
        progress: 12.5,
      });
      expect(fractional.json().issues).toEqual([expect.objectContaining({ path: 'progress' })]);

      const seen = `${url}?version=${updated.json().version}`;
      expect((await call('DELETE', seen, ngoFocal.token)).statusCode).toBe(403);
      expect((await call('DELETE', seen, leadFocal.token)).statusCode).toBe(204);
      expect((await call('PATCH', url, leadFocal.token, { progress: 1, version: 9 })).statusCode).toBe(404);
      expect((await call('DELETE', seen, leadFocal.token)).statusCode).toBe(404);
    });

    it('are removed only as the caller saw them: 409 naming the milestone when changed since, and it stays', async () => {
      const { leadFocal } = scene.people;
      const m = (
        await call('POST', milestones(), leadFocal.token, { title: 'Helpdesk opens', dueDate: '2026-05-01' })
      ).json();
      const url = `${milestones()}/${m.id}`;
      const changed = await call('PATCH', url, leadFocal.token, { progress: 10, version: m.version });
      expect(changed.statusCode, changed.body).toBe(200);
      const events = () =>
        scene.em.fork().count(WorkflowEvent, {
          entityType: 'Pilot',
          entityId: scene.pilot.id,
          transition: 'remove_milestone',
        });
      const before = await events();

      const stale = await call('DELETE', `${url}?version=${m.version}`, leadFocal.token);
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({
        code: 'STALE_VERSION',
        message: 'The milestone "Helpdesk opens" was changed by someone else. Reload it and try again.',
      });
      for (const query of ['', '?version=abc', '?version=0']) {
        const bad = await call('DELETE', `${url}${query}`, leadFocal.token);
        expect(bad.statusCode, query).toBe(400);
        expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['version']);
      }
      expect(await scene.em.fork().count(PilotMilestone, { id: m.id })).toBe(1);
      expect(await events()).toBe(before);
      expect((await call('GET', milestones())).json().items).toContainEqual(
        expect.objectContaining({ id: m.id, progress: 10, version: changed.json().version }),
      );
      const removed = await call('DELETE', `${url}?version=${changed.json().version}`, leadFocal.token);
      expect(removed.statusCode, removed.body).toBe(204);
      expect(await events()).toBe(before + 1);
    });

    it('change only while the pilot is active (409), and stay hidden with a pilot that is not public (404)', async () => {
      const completed = await seedPilotReportScene(api, 'completed');
      const refused = await call('POST', milestones(completed), completed.people.leadFocal.token, {
        title: 'Late',
        dueDate: '2026-12-01',
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('INVALID_STATE');
      expect((await call('GET', milestones(completed))).statusCode).toBe(200);

      const forming = await seedPilotReportScene(api, 'forming');
      expect((await call('GET', milestones(forming))).statusCode).toBe(404);
      expect((await call('GET', milestones(forming), forming.people.stranger.token)).statusCode).toBe(404);
      expect((await call('GET', milestones(forming), forming.people.outsiderFocal.token)).statusCode).toBe(
        404,
      );
      expect((await call('GET', milestones(forming), forming.people.ngoMember.token)).statusCode).toBe(200);
      const create = await call('POST', milestones(forming), forming.people.stranger.token, {
        title: 'x',
        dueDate: '2026-01-01',
      });
      expect(create.statusCode).toBe(404);
      expect((await call('GET', `/api/pilots/not-a-uuid/milestones`)).statusCode).toBe(404);
    });
  });

  describe('progress reports', () => {
    it('let each accepted partner draft its own part, hidden from everyone else until submitted', async () => {
      const { ngoMember, unMember, leadMember, editor } = scene.people;
      const mine = await draft(ngoMember.token, {
        narrative: 'Two cohorts trained.',
        indicators: [{ indicator: trained, women: 120, men: 30 }],
      });
      expect(mine).toMatchObject({
        organisation: { id: scene.orgs.ngo.id },
        compiled: false,
        submittedAt: null,
      });
      const url = `${reports()}/${mine.id}`;

      const ids = async (token?: string) =>
        (await call('GET', reports(), token)).json().items.map((r: { id: string }) => r.id);
      expect(await ids(ngoMember.token)).toContain(mine.id);
      for (const who of [undefined, unMember.token, leadMember.token, editor.token])
        expect(await ids(who)).not.toContain(mine.id);
      expect((await call('GET', url)).statusCode).toBe(404);
      expect((await call('PATCH', url, unMember.token, { narrative: 'x', version: 1 })).statusCode).toBe(404);

      const edited = await call('PATCH', url, ngoMember.token, {
        narrative: 'Three cohorts trained.',
        version: mine.version,
      });
      expect(edited.statusCode, edited.body).toBe(200);
      const submitted = await submit(ngoMember.token, edited.json());
      expect(submitted.submittedAt).not.toBeNull();

      // Submitted: public with the pilot, and immutable.
      expect(await ids()).toContain(mine.id);
      expect((await call('GET', url)).json()).toMatchObject({ narrative: 'Three cohorts trained.' });
      const late = await call('PATCH', url, ngoMember.token, {
        narrative: 'Changed',
        version: submitted.version,
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('INVALID_STATE');
      expect(
        (await call('POST', `${url}/submit`, ngoMember.token, { version: submitted.version })).statusCode,
      ).toBe(409);
      expect(
        (await call('PATCH', url, unMember.token, { narrative: 'x', version: submitted.version })).statusCode,
      ).toBe(403);

      // Only the lead's compiled report moves the light, so only it resets the timers (through the outbox).
      const schedules = () =>
        scene.em.fork().count(OutboxMessage, {
          jobName: 'schedule-pilot-reporting',
          payload: { pilotId: scene.pilot.id },
        });
      expect(await schedules()).toBe(0);
      await submit(leadMember.token, await draft(leadMember.token, { compiled: true }));
      expect(await schedules()).toBe(1);
    });

    it('let a partner report for its own organisation only, and only the lead compile', async () => {
      const { ngoMember, invitedMember, outsiderFocal, stranger, leadMember, editor } = scene.people;
      const forUn = await call('POST', reports(), ngoMember.token, {
        period,
        organisationId: scene.orgs.un.id,
      });
      expect(forUn.statusCode).toBe(403);
      const compiled = await call('POST', reports(), ngoMember.token, { period, compiled: true });
      expect(compiled.statusCode).toBe(403);
      for (const who of [invitedMember, outsiderFocal, stranger, editor])
        expect((await call('POST', reports(), who.token, { period })).statusCode, who.id).toBe(403);
      expect((await call('POST', reports(), undefined, { period })).statusCode).toBe(401);
      expect((await draft(leadMember.token, { compiled: true })).compiled).toBe(true);
    });

    it('ask which organisation reports when the caller belongs to several partners', async () => {
      const both = await api.signUp();
      const e = scene.em.fork();
      for (const organisation of [scene.orgs.ngo, scene.orgs.un])
        e.create(Membership, {
          user: both.user.id,
          organisation: organisation.id,
          role: 'member',
          status: 'active',
        });
      await e.flush();
      const ambiguous = await call('POST', reports(), both.token, { period });
      expect(ambiguous.statusCode).toBe(400);
      expect(ambiguous.json().issues).toEqual([expect.objectContaining({ path: 'organisationId' })]);
      const chosen = await draft(both.token, { organisationId: scene.orgs.un.id });
      expect(chosen.organisation.id).toBe(scene.orgs.un.id);
    });

    it('name the field of bad input, including indicators that are not among the targets', async () => {
      const { ngoMember } = scene.people;
      const unknown = await call('POST', reports(), ngoMember.token, {
        period,
        indicators: [
          { indicator: placed, women: 10, men: 2 },
          { indicator: 'Happiness', women: 1, men: 1 },
        ],
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().issues).toEqual([
        {
          path: 'indicators.1.indicator',
          message: '"Happiness" is not one of the pilot\'s target indicators',
        },
      ]);
      const bad = await call('POST', reports(), ngoMember.token, {
        period: { start: '2026-07-01', end: '2026-01-01' },
        indicators: [{ indicator: trained, women: 'many', men: 1 }],
        surprise: true,
      });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .issues.map((i: { path: string }) => i.path)
          .sort(),
      ).toEqual(['(body)', 'indicators.0.women', 'period.end'].sort());
      const report = await draft(ngoMember.token);
      const patch = await call('PATCH', `${reports()}/${report.id}`, ngoMember.token, {
        indicators: [{ indicator: 'Happiness', women: 1, men: 1 }],
        version: report.version,
      });
      expect(patch.json().issues).toEqual([expect.objectContaining({ path: 'indicators.0.indicator' })]);
      const stale = await call('PATCH', `${reports()}/${report.id}`, ngoMember.token, {
        narrative: 'a',
        version: 7,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('STALE_VERSION');
    });

    it('let a partner discard its own draft at the version it saw, once, leaving nothing', async () => {
      const { ngoMember, unMember, leadMember, leadFocal, editor } = scene.people;
      const report = await draft(ngoMember.token, { narrative: 'Not worth keeping.' });
      const url = `${reports()}/${report.id}`;
      const discards = () =>
        scene.em
          .fork()
          .find(WorkflowEvent, {
            entityType: 'Pilot',
            entityId: scene.pilot.id,
            transition: 'discard_report',
          })
          .then((events) => events.filter((e) => e.payload?.reportId === report.id));
      const still = () => scene.em.fork().count(PilotReport, { id: report.id });

      // A draft is unseen by anyone outside its organisation (editors too): 404, never 403.
      for (const who of [unMember, leadMember, leadFocal, editor])
        expect((await call('DELETE', `${url}?version=1`, who.token)).statusCode).toBe(404);
      expect((await call('DELETE', `${url}?version=1`)).statusCode).toBe(401);
      const missing = await call('DELETE', url, ngoMember.token);
      expect(missing.statusCode).toBe(400);
      expect(missing.json().issues).toEqual([expect.objectContaining({ path: 'version' })]);

      const saved = await call('PATCH', url, ngoMember.token, { narrative: 'Changed.', version: 1 });
      expect(saved.statusCode, saved.body).toBe(200);
      const stale = await call('DELETE', `${url}?version=1`, ngoMember.token);
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('STALE_VERSION');
      expect(await still()).toBe(1);
      expect(await discards()).toEqual([]);

      const discarded = await call('DELETE', `${url}?version=${saved.json().version}`, ngoMember.token);
      expect(discarded.statusCode, discarded.body).toBe(204);
      expect(await still()).toBe(0);
      const [event, ...more] = await discards();
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        workflow: 'pilot',
        fromState: 'active',
        toState: 'active',
        actorId: ngoMember.id,
        payload: { reportId: report.id, organisationId: scene.orgs.ngo.id, compiled: false },
      });
      expect((await call('GET', url, ngoMember.token)).statusCode).toBe(404);
      const listed = await call('GET', `${reports()}?state=draft`, ngoMember.token);
      expect(listed.json().items.map((r: { id: string }) => r.id)).not.toContain(report.id);
      expect(
        (await call('DELETE', `${url}?version=${saved.json().version}`, ngoMember.token)).statusCode,
      ).toBe(404);
      expect(await discards()).toHaveLength(1);
    });

    it('keep a submitted report: discarding it is 409 for its writers and 403 for others', async () => {
      const { ngoMember, unMember } = scene.people;
      const filed = await submit(ngoMember.token, await draft(ngoMember.token));
      const url = `${reports()}/${filed.id}?version=${filed.version}`;
      const refused = await call('DELETE', url, ngoMember.token);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        code: 'INVALID_STATE',
        message: 'This report was submitted; it can no longer change.',
      });
      expect((await call('DELETE', url, unMember.token)).statusCode).toBe(403);
      expect((await call('GET', `${reports()}/${filed.id}`)).json()).toMatchObject({ id: filed.id });

      // Submitted in one tab while discarded in another: one of them wins, whole.
      const pending = await draft(ngoMember.token);
      const [submitted, discarded] = await Promise.all([
        call('POST', `${reports()}/${pending.id}/submit`, ngoMember.token, { version: pending.version }),
        call('DELETE', `${reports()}/${pending.id}?version=${pending.version}`, ngoMember.token),
      ]);
      expect([submitted.statusCode, discarded.statusCode].sort()).toEqual(
        submitted.statusCode === 200 ? [200, 409] : [204, 409],
      );
      const left = await scene.em.fork().findOne(PilotReport, { id: pending.id });
      const chained = (
        await scene.em.fork().find(WorkflowEvent, { entityType: 'Pilot', entityId: scene.pilot.id })
      )
        .filter((e) => e.payload?.reportId === pending.id)
        .map((e) => e.transition);
      if (submitted.statusCode === 200) {
        expect(left?.submittedAt).not.toBeNull();
        expect(chained).toEqual(['draft_report', 'submit_report']);
      } else {
        expect(left).toBeNull();
        expect(chained).toEqual(['draft_report', 'discard_report']);
      }
    });

    it("list the submitted reports and the caller's own drafts apart (state), so drafts never fall off a page", async () => {
      const s = await seedPilotReportScene(api);
      const { ngoMember } = s.people;
      for (let i = 0; i < 3; i++) await submit(ngoMember.token, await draft(ngoMember.token, {}, s), s);
      const mine = await draft(ngoMember.token, {}, s);
      const page = async (query: string, token = ngoMember.token) => {
        const response = await call('GET', `${reports(s)}?pageSize=2${query}`, token);
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json();
        return { ids: body.items.map((r: { id: string }) => r.id), total: body.total, items: body.items };
      };
      // Mixed, the draft comes after the submitted reports: not on the first page.
      expect(await page('')).toMatchObject({ total: 4 });
      expect((await page('')).ids).not.toContain(mine.id);
      expect(await page('&state=draft')).toMatchObject({ ids: [mine.id], total: 1 });
      const filed = await page('&state=submitted');
      expect(filed.total).toBe(3);
      expect(filed.items.every((r: { submittedAt: string | null }) => r.submittedAt)).toBe(true);
      // Nobody else sees the network's drafts, signed in or not.
      expect(await page('&state=draft', s.people.unMember.token)).toMatchObject({ ids: [], total: 0 });
      const anonymous = await call('GET', `${reports(s)}?state=draft`);
      expect(anonymous.json()).toMatchObject({ items: [], total: 0 });

      for (const bad of ['drafts', 'DRAFT', '']) {
        const refused = await call('GET', `${reports(s)}?state=${bad}`, ngoMember.token);
        expect(refused.statusCode, bad).toBe(400);
        expect(refused.json().issues).toEqual([{ path: 'state', message: 'state is draft or submitted' }]);
      }
    });

    it('are taken while the pilot is active or just completed, not once closed or long completed', async () => {
      const completed = await seedPilotReportScene(api, 'completed');
      await submit(
        completed.people.ngoMember.token,
        await draft(completed.people.ngoMember.token, {}, completed),
        completed,
      );
      const closed = await seedPilotReportScene(api, 'closed');
      expect(
        (await call('POST', reports(closed), closed.people.ngoMember.token, { period })).statusCode,
      ).toBe(409);
      const old = await seedPilotReportScene(api, 'completed');
      const pending = await draft(old.people.ngoMember.token, {}, old);
      await setPilot(old, { completedAt: secondsAgo(31) });
      const refused = await call('POST', `${reports(old)}/${pending.id}/submit`, old.people.ngoMember.token, {
        version: pending.version,
      });
      expect(refused.statusCode).toBe(409);
      expect((await call('GET', reports(closed))).statusCode).toBe(200);
      const forming = await seedPilotReportScene(api, 'forming');
      expect((await call('GET', reports(forming))).statusCode).toBe(404);
      expect(
        (await call('POST', reports(forming), forming.people.stranger.token, { period })).statusCode,
      ).toBe(404);
    });
  });
});

import { EntityManager } from '@mikro-orm/postgresql';
import {
  applyTransition,
  Organisation,
  OutboxMessage,
  PilotPartner,
  WorkflowEvent,
} from '@pathways/persistence';
import { pilotPartnerWorkflow } from '@pathways/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';
import { completePilotContent, pilotScene } from './testing/pilot-scene';

type Org = Awaited<ReturnType<ReturnType<typeof pilotScene>['organisation']>> & { name: string };
interface TimelineEvent {
  sequence: number;
  transition: string;
  fromState: string;
  toState: string;
  actorId: string | null;
  workflow?: string;
  subject?: string | null;
  detail?: string | null;
}

const period = { start: '2027-01-01', end: '2027-06-30' };

describe("a pilot's timeline: every change an event, its invitations' answers merged in", () => {
  let api: TestApi;
  let scene: ReturnType<typeof pilotScene>;
  let admin: string;
  let editor: string;
  let stranger: string;
  let ministry: Org;
  let ngo: Org;
  let network: Org;
  let un: Org;
  let union: Org;
  const em = () => api.app.get(EntityManager).fork();
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token?: string, payload?: object) =>
    api.request({ method, url, payload, headers: token ? bearer(token) : {} });
  const ok = async (response: ReturnType<typeof call> | ReturnType<typeof scene.call>, status = 200) => {
    const done = await response;
    expect(done.statusCode, done.body).toBe(status);
    return done.body ? done.json() : null;
  };
  const chain = (entityType: 'Pilot' | 'PilotPartner', entityId: string) =>
    em().find(WorkflowEvent, { entityType, entityId }, { orderBy: { sequence: 'asc' } });
  const timeline = async (pilotId: string, token?: string): Promise<TimelineEvent[]> =>
    (await ok(call('GET', `/api/pilots/${pilotId}/events`, token))).items;
  const verified = (entityType: string, id: string) =>
    ok(call('GET', `/api/admin/workflow-events/${entityType}/${id}/verify`, admin));

  /** Runs the change and returns what it appended to the pilot's chain. */
  const appended = async (pilotId: string, change: () => Promise<unknown>) => {
    const before = (await chain('Pilot', pilotId)).length;
    await change();
    return (await chain('Pilot', pilotId)).slice(before);
  };
  const milestone = (pilotId: string, token: string, title: string) =>
    call('POST', `/api/pilots/${pilotId}/milestones`, token, { title, dueDate: '2027-03-31' });

  /** Proposed by the ministry, NGO and network invited and accepted, the corridor covered, started. */
  const activePilot = async () => {
    const pilot = await scene.proposed(ministry.id, ministry.focal);
    for (const [org, role, countries] of [
      [ngo, 'implementing', ['PH']],
      [network, 'technical', ['MX']],
    ] as const) {
      const invitation = await scene.invite(pilot.id, org.id, ministry.focal, role);
      await ok(scene.answer(pilot.id, invitation, 'accept', org.focal, [...countries]));
    }
    await ok(scene.fire(pilot.id, 'start_forming', ministry.focal));
    return ok(scene.fire(pilot.id, 'activate', ministry.focal));
  };

  /** What the worker does at an invitation's answer-by date. */
  const expire = async (partnerId: string) => {
    const tx = em();
    const partner = await tx.findOneOrFail(PilotPartner, { id: partnerId });
    await tx.transactional((t) =>
      applyTransition(t, {
        entity: PilotPartner,
        entityType: 'PilotPartner',
        workflow: pilotPartnerWorkflow.name,
        record: partner,
        transition: 'expire',
        from: 'invited',
        to: 'expired',
        effects: pilotPartnerWorkflow.transitions.expire.effects ?? [],
        actorId: null,
      }),
    );
  };

  beforeAll(async () => {
    api = await startTestApi({ REGISTRATIONS_PER_IP_PER_HOUR: '1000' });
    admin = (await api.signUp({ roles: ['admin'] })).token;
    editor = (await api.signUp({ roles: ['editor'] })).token;
    stranger = (await api.signUp()).token;
    scene = pilotScene(api, admin);
    // As the directory names it, which is what the timeline says.
    const organisation = async (...args: Parameters<typeof scene.organisation>): Promise<Org> => {
      const org = await scene.organisation(...args);
      return { ...org, name: (await em().findOneOrFail(Organisation, { id: org.id })).name };
    };
    ministry = await organisation('Department of Migrant Workers', 'government', 'PH', true);
    ngo = await organisation('Kanlungan Centre', 'civil_society', 'PH', true);
    network = await organisation('Red de Mujeres Migrantes', 'migrant_workers_association', 'MX');
    un = await organisation('UN Women Migration Programme', 'un_entity', null, true);
    union = await organisation('Domestic Workers Union', 'trade_union', 'MX');
  });
  afterAll(() => api?.close());

  it('files each change as exactly one event on the pilot chain, saying what it concerns, and the chain still verifies', async () => {
    const created = await ok(
      call('POST', '/api/pilots', ministry.focal, {
        organisationId: ministry.id,
        content: { title: 'Care corridors' },
      }),
      201,
    );
    const id = created.id;
    const [edit] = await appended(id, () =>
      ok(call('PATCH', `/api/pilots/${id}`, ministry.focal, { content: completePilotContent, version: 1 })),
    );
    expect(edit).toMatchObject({
      workflow: 'pilot',
      transition: 'edit',
      fromState: 'draft',
      toState: 'draft',
      actorId: ministry.focalId,
    });
    await ok(scene.fire(id, 'propose', ministry.focal));

    let invitation: { id: string; version: number } = { id: '', version: 0 };
    const invited = await appended(id, async () => {
      invitation = await scene.invite(id, ngo.id, ministry.focal, 'implementing');
    });
    expect(invited).toHaveLength(1);
    expect(invited[0]).toMatchObject({
      transition: 'invite',
      fromState: 'proposed',
      toState: 'proposed',
      payload: { partnerId: invitation.id, organisationId: ngo.id, role: 'implementing' },
    });
    // The answer is an event of the invitation, not of the pilot.
    expect(await appended(id, () => ok(scene.answer(id, invitation, 'accept', ngo.focal, ['PH'])))).toEqual(
      [],
    );
    const toNetwork = await scene.invite(id, network.id, ministry.focal, 'technical');
    await ok(scene.answer(id, toNetwork, 'accept', network.focal, ['MX']));
    await ok(scene.fire(id, 'start_forming', ministry.focal));
    await ok(scene.fire(id, 'activate', ministry.focal));

    const milestones = `/api/pilots/${id}/milestones`;
    let first = { id: '', version: 0 };
    const [added] = await appended(id, async () => {
      first = await ok(milestone(id, ministry.focal, 'Helpline opens'), 201);
    });
    expect(added).toMatchObject({
      transition: 'add_milestone',
      fromState: 'active',
      toState: 'active',
      payload: { milestoneId: first.id, title: 'Helpline opens' },
    });
    const [updated] = await appended(id, () =>
      ok(
        call('PATCH', `${milestones}/${first.id}`, ministry.focal, {
          title: 'Helpline opens in Tagalog',
          version: first.version,
        }),
      ),
    );
    expect(updated).toMatchObject({
      transition: 'update_milestone',
      payload: { title: 'Helpline opens in Tagalog' },
    });
    const [removed] = await appended(id, () =>
      ok(call('DELETE', `${milestones}/${first.id}?version=${first.version + 1}`, ministry.focal), 204),
    );
    expect(removed).toMatchObject({ transition: 'remove_milestone', payload: { milestoneId: first.id } });

    let part = { id: '', version: 0 };
    const [drafted] = await appended(id, async () => {
      part = await ok(call('POST', `/api/pilots/${id}/reports`, ngo.member, { period }), 201);
    });
    expect(drafted).toMatchObject({
      transition: 'draft_report',
      payload: { reportId: part.id, organisationId: ngo.id, compiled: false },
    });
    // Editing a draft is the organisation's own business: no event.
    const edited = await appended(id, async () => {
      part = await ok(
        call('PATCH', `/api/pilots/${id}/reports/${part.id}`, ngo.member, {
          narrative: 'Two hundred women oriented.',
          version: part.version,
        }),
      );
    });
    expect(edited).toEqual([]);
    const [submitted] = await appended(id, () =>
      ok(call('POST', `/api/pilots/${id}/reports/${part.id}/submit`, ngo.member, { version: part.version })),
    );
    expect(submitted).toMatchObject({
      transition: 'submit_report',
      payload: { organisationId: ngo.id, compiled: false },
    });
    const second = await ok(call('POST', `/api/pilots/${id}/reports`, ngo.member, { period }), 201);
    const discarded = await appended(id, () =>
      ok(call('DELETE', `/api/pilots/${id}/reports/${second.id}?version=${second.version}`, ngo.member), 204),
    );
    expect(discarded).toHaveLength(1);
    expect(discarded[0]).toMatchObject({
      transition: 'discard_report',
      fromState: 'active',
      toState: 'active',
      payload: { reportId: second.id, organisationId: ngo.id, compiled: false },
    });
    const compiled = await ok(
      call('POST', `/api/pilots/${id}/reports`, ministry.member, { period, compiled: true }),
      201,
    );
    await ok(
      call('POST', `/api/pilots/${id}/reports/${compiled.id}/submit`, ministry.member, {
        version: compiled.version,
      }),
    );
    await ok(scene.fire(id, 'complete', ministry.focal));
    let practiceId = '';
    const [practice] = await appended(id, async () => {
      practiceId = (await ok(call('POST', `/api/pilots/${id}/practice-draft`, ministry.focal), 201)).id;
    });
    expect(practice).toMatchObject({
      transition: 'draft_practice',
      fromState: 'completed',
      payload: { practiceId, title: completePilotContent.title },
    });
    // Asked again, the same draft comes back and nothing is filed.
    expect(
      await appended(id, () => ok(call('POST', `/api/pilots/${id}/practice-draft`, ministry.focal))),
    ).toEqual([]);

    const events = await chain('Pilot', id);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    expect(await verified('Pilot', id)).toEqual({ valid: true, events: events.length });
    expect(await verified('PilotPartner', invitation.id)).toEqual({ valid: true, events: 1 });

    // The lead reads it all in time order, each event naming what it concerns.
    const told = (await timeline(id, ministry.focal)).map((e) => [
      e.transition,
      e.subject ?? null,
      e.detail ?? null,
    ]);
    expect(told).toEqual([
      ['edit', null, null],
      ['propose', null, null],
      ['invite', ngo.name, 'implementing'],
      ['accept', ngo.name, null],
      ['invite', network.name, 'technical'],
      ['accept', network.name, null],
      ['start_forming', null, null],
      ['activate', null, null],
      ['add_milestone', 'Helpline opens', null],
      ['update_milestone', 'Helpline opens in Tagalog', null],
      ['remove_milestone', 'Helpline opens in Tagalog', null],
      ['draft_report', ngo.name, null],
      ['submit_report', ngo.name, null],
      ['draft_report', ngo.name, null],
      ['discard_report', ngo.name, null],
      ['draft_report', ministry.name, 'compiled'],
      ['submit_report', ministry.name, 'compiled'],
      ['complete', null, null],
      ['draft_practice', completePilotContent.title, null],
    ]);
    const answer = (await timeline(id, ministry.focal)).find((e) => e.transition === 'accept');
    expect(answer).toMatchObject({ workflow: 'pilot-partner', fromState: 'invited', toState: 'accepted' });
  });

  it('files nothing for a change that is refused or fails validation', async () => {
    const pilot = await activePilot();
    const id = pilot.id;
    const refused: [string, () => Promise<{ statusCode: number }>, number][] = [
      [
        'an edit once active',
        () => call('PATCH', `/api/pilots/${id}`, ministry.focal, { content: {}, version: pilot.version }),
        409,
      ],
      [
        'an edit by a member',
        () => call('PATCH', `/api/pilots/${id}`, ministry.member, { content: {}, version: pilot.version }),
        403,
      ],
      [
        'an invitation by a member',
        () =>
          call('POST', `/api/pilots/${id}/partners`, ministry.member, {
            organisationId: un.id,
            role: 'funding',
          }),
        403,
      ],
      [
        'an invitation of an accepted partner',
        () =>
          call('POST', `/api/pilots/${id}/partners`, ministry.focal, {
            organisationId: ngo.id,
            role: 'funding',
          }),
        409,
      ],
      [
        'an invitation without a role',
        () => call('POST', `/api/pilots/${id}/partners`, ministry.focal, { organisationId: un.id }),
        400,
      ],
      ['a milestone by a partner', () => milestone(id, ngo.focal, 'Not theirs'), 403],
      ['a milestone without a title', () => milestone(id, ministry.focal, ' '), 400],
      [
        'a report by an outsider',
        () => call('POST', `/api/pilots/${id}/reports`, un.member, { period }),
        403,
      ],
      [
        'a report on an unknown indicator',
        () =>
          call('POST', `/api/pilots/${id}/reports`, ngo.member, {
            period,
            indicators: [{ indicator: 'Nope', women: 1 }],
          }),
        400,
      ],
      [
        'a partner compiling',
        () => call('POST', `/api/pilots/${id}/reports`, ngo.member, { period, compiled: true }),
        403,
      ],
      [
        'a practice draft before completion',
        () => call('POST', `/api/pilots/${id}/practice-draft`, ministry.focal),
        409,
      ],
    ];
    const before = await chain('Pilot', id);
    const outbox = await em().count(OutboxMessage);
    for (const [what, change, status] of refused) expect((await change()).statusCode, what).toBe(status);
    expect(await chain('Pilot', id)).toHaveLength(before.length);
    expect(await em().count(OutboxMessage)).toBe(outbox);
    const first = await ok(milestone(id, ministry.focal, 'Helpline opens'), 201);
    const stale = await appended(id, async () => {
      const response = await call('PATCH', `/api/pilots/${id}/milestones/${first.id}`, ministry.focal, {
        title: 'Too late',
        version: first.version + 1,
      });
      expect(response.statusCode).toBe(409);
    });
    expect(stale).toEqual([]);
    // Nor for a removal or a discard of something changed since, or of another's draft.
    const part = await ok(call('POST', `/api/pilots/${id}/reports`, ngo.member, { period }), 201);
    const late = await appended(id, async () => {
      for (const [url, token, status] of [
        [`/api/pilots/${id}/milestones/${first.id}?version=${first.version + 1}`, ministry.focal, 409],
        [`/api/pilots/${id}/reports/${part.id}?version=${part.version + 1}`, ngo.member, 409],
        [`/api/pilots/${id}/reports/${part.id}?version=${part.version}`, un.member, 404],
      ] as const)
        expect((await call('DELETE', url, token)).statusCode, url).toBe(status);
    });
    expect(late).toEqual([]);
  });

  it('shows partners the invitations and their answers, others no pending or refused invitation of another, and the public only changes of state without who made them', async () => {
    const pilot = await activePilot();
    const id = pilot.id;
    await scene.invite(id, un.id, ministry.focal, 'advisory');
    const toUnion = await scene.invite(id, union.id, ministry.focal, 'funding');
    await ok(scene.answer(id, toUnion, 'decline', union.focal));
    await ok(milestone(id, ministry.focal, 'Helpline opens'), 201);

    const lead = await timeline(id, ministry.member);
    expect(lead.filter((e) => e.subject === un.name).map((e) => e.transition)).toEqual(['invite']);
    expect(lead.filter((e) => e.subject === union.name).map((e) => [e.transition, e.detail])).toEqual([
      ['invite', 'funding'],
      ['decline', null],
    ]);
    expect(lead.find((e) => e.transition === 'decline')).toMatchObject({
      workflow: 'pilot-partner',
      actorId: union.focalId,
    });
    expect(await timeline(id, editor)).toEqual(lead);

    // An accepted partner reads the partnership's story, but not the union's refusal nor the UN's
    // pending invitation, which the pilot page does not show it either.
    const partner = await timeline(id, ngo.member);
    const subjects = new Set(partner.map((e) => e.subject));
    expect(subjects.has(network.name)).toBe(true);
    expect(subjects.has(union.name)).toBe(false);
    expect(subjects.has(un.name)).toBe(false);
    expect(partner.map((e) => e.transition)).toContain('add_milestone');
    // The invited organisation reads its own invitation.
    expect((await timeline(id, un.member)).filter((e) => e.subject === un.name)).toHaveLength(1);

    const changesOfState = ['propose', 'start_forming', 'activate'];
    const publicView = await timeline(id);
    expect(publicView.map((e) => e.transition)).toEqual(changesOfState);
    expect(publicView.every((e) => e.actorId === null && !e.subject)).toBe(true);
    // A signed-in reader of the public pilot: its story and who made it, but no one else's refusal.
    const others = new Set([un.name, union.name]);
    expect(await timeline(id, stranger)).toEqual(lead.filter((e) => !others.has(e.subject ?? '')));
  });

  it('invites again an organisation that declined, let its invitation lapse or saw it withdrawn, as a new invitation to answer', async () => {
    const pilot = await scene.proposed(ministry.id, ministry.focal);
    const id = pilot.id;
    const declined = await scene.invite(id, network.id, ministry.focal, 'technical');
    await ok(scene.answer(id, declined, 'decline', network.focal));

    const again = await ok(
      call('POST', `/api/pilots/${id}/partners`, ministry.focal, {
        organisationId: network.id,
        role: 'funding',
        message: 'Would you fund the helpline instead?',
      }),
      201,
    );
    expect(again).toMatchObject({
      id: declined.id,
      status: 'invited',
      role: 'funding',
      message: 'Would you fund the helpline instead?',
      respondedAt: null,
    });
    expect(Date.parse(again.invitedAt)).toBeGreaterThan(Date.parse(declined.invitedAt));
    expect((Date.parse(again.expiresAt) - Date.parse(again.invitedAt)) / 86_400_000).toBe(14);
    // The same notice and timers as a first invitation, for this round.
    const jobs = (await em().find(OutboxMessage, { queue: 'pilots' }))
      .filter((o) => o.payload.partnerId === declined.id)
      .map((o) => [o.jobName, o.payload.invitedAt]);
    expect(jobs.sort()).toEqual(
      [
        ['invitation-received', declined.invitedAt],
        ['invitation-received', again.invitedAt],
        ['schedule-invitation-timers', declined.invitedAt],
        ['schedule-invitation-timers', again.invitedAt],
      ].sort(),
    );
    await ok(scene.answer(id, again, 'accept', network.focal, ['MX']));
    const events = await chain('PilotPartner', declined.id);
    expect(events.map((e) => [e.transition, e.fromState, e.toState, e.actorId])).toEqual([
      ['decline', 'invited', 'declined', network.focalId],
      ['reinvite', 'declined', 'invited', ministry.focalId],
      ['accept', 'invited', 'accepted', network.focalId],
    ]);
    expect(events[1].payload).toMatchObject({ organisationId: network.id, role: 'funding' });
    expect(await verified('PilotPartner', declined.id)).toEqual({ valid: true, events: 3 });

    const lapsed = await scene.invite(id, union.id, ministry.focal, 'implementing');
    await expire(lapsed.id);
    const renewed = await ok(
      call('POST', `/api/pilots/${id}/partners`, ministry.focal, {
        organisationId: union.id,
        role: 'technical',
      }),
      201,
    );
    expect(renewed).toMatchObject({ id: lapsed.id, status: 'invited', role: 'technical', message: null });
    await ok(scene.answer(id, renewed, 'decline', union.focal));
    expect((await chain('PilotPartner', lapsed.id)).map((e) => e.transition)).toEqual([
      'expire',
      'reinvite',
      'decline',
    ]);

    // The timeline tells the round apart from the first invitation.
    const told = (await timeline(id, ministry.focal)).filter((e) => e.subject === network.name);
    expect(told.map((e) => [e.transition, e.detail])).toEqual([
      ['invite', 'technical'],
      ['decline', null],
      ['reinvite', 'funding'],
      ['accept', null],
    ]);

    // Accepted or still invited: nothing to invite again.
    await scene.invite(id, un.id, ministry.focal, 'advisory');
    for (const organisationId of [network.id, un.id]) {
      const duplicate = await call('POST', `/api/pilots/${id}/partners`, ministry.focal, {
        organisationId,
        role: 'advisory',
      });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().code).toBe('DUPLICATE');
    }
    // Only the lead's focal points invite again; the route of answers does not.
    const byPartner = await call('POST', `/api/pilots/${id}/partners`, network.focal, {
      organisationId: union.id,
      role: 'technical',
    });
    expect(byPartner.statusCode).toBe(403);
    const byMember = await call('POST', `/api/pilots/${id}/partners`, ministry.member, {
      organisationId: union.id,
      role: 'technical',
    });
    expect(byMember.statusCode).toBe(403);
    const unionRow = (await scene.pilot(id, ministry.focal)).partners.find(
      (p: { organisation: { id: string } }) => p.organisation.id === union.id,
    );
    const fired = await call(
      'POST',
      `/api/pilots/${id}/partners/${unionRow.id}/transitions/reinvite`,
      ministry.focal,
      { version: unionRow.version },
    );
    expect(fired.statusCode).toBe(404);
    expect((await chain('PilotPartner', lapsed.id)).map((e) => e.transition)).toEqual([
      'expire',
      'reinvite',
      'decline',
    ]);
  });

  it('lets concurrent changes take turns on the chain: both succeed with consecutive sequences', async () => {
    const pilot = await activePilot();
    const before = (await chain('Pilot', pilot.id)).length;
    const [a, b, c] = await Promise.all([
      milestone(pilot.id, ministry.focal, 'Helpline opens'),
      milestone(pilot.id, ministry.focal, 'First cohort oriented'),
      call('POST', `/api/pilots/${pilot.id}/reports`, ngo.member, { period }),
    ]);
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    const events = await chain('Pilot', pilot.id);
    expect(events.slice(before).map((e) => e.sequence)).toEqual([before + 1, before + 2, before + 3]);
    expect(
      events
        .slice(before)
        .map((e) => e.transition)
        .sort(),
    ).toEqual(['add_milestone', 'add_milestone', 'draft_report']);
    expect(await verified('Pilot', pilot.id)).toEqual({ valid: true, events: before + 3 });
  });
});

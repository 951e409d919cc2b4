import { EntityManager } from '@mikro-orm/postgresql';
import { OutboxMessage, WorkflowEvent } from '@pathways/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/test-api';
import { completePilotContent, pilotScene } from './testing/pilot-scene';

type Org = Awaited<ReturnType<ReturnType<typeof pilotScene>['organisation']>>;

describe('pilots and their partners', () => {
  let api: TestApi;
  let scene: ReturnType<typeof pilotScene>;
  let editor: string;
  let stranger: string;
  let ministry: Org;
  let ngo: Org;
  let un: Org;
  let network: Org;
  const em = () => api.app.get(EntityManager).fork();
  const call = (...args: Parameters<ReturnType<typeof pilotScene>['call']>) => scene.call(...args);
  const paths = (response: { json(): { issues?: { path: string }[] } }) =>
    (response.json().issues ?? []).map((i) => i.path).sort();

  beforeAll(async () => {
    api = await startTestApi();
    const admin = (await api.signUp({ roles: ['admin'] })).token;
    editor = (await api.signUp({ roles: ['editor'] })).token;
    stranger = (await api.signUp()).token;
    scene = pilotScene(api, admin);
    ministry = await scene.organisation('Department of Migrant Workers', 'government', 'PH', true);
    ngo = await scene.organisation('Kanlungan Centre', 'civil_society', 'PH', true);
    un = await scene.organisation('UN Women Migration Programme', 'un_entity', null);
    network = await scene.organisation('Red de Mujeres Migrantes', 'migrant_workers_association', 'MX');
  });
  afterAll(() => api?.close());

  it('lets a focal point draft a pilot its organisation leads, naming each invalid field, and refuses stale saves', async () => {
    const created = await call('POST', '/api/pilots', ministry.focal, {
      organisationId: ministry.id,
      content: { title: 'Care corridors' },
    });
    expect(created.statusCode).toBe(201);
    const pilot = created.json();
    expect(pilot).toMatchObject({
      status: 'draft',
      slug: expect.stringMatching(/^care-corridors-[0-9a-f]{8}$/),
      lead: { id: ministry.id, name: 'Department of Migrant Workers', kind: 'government', country: 'PH' },
      content: { title: 'Care corridors' },
      activatedAt: null,
      closedReason: null,
    });
    expect(pilot.partners).toEqual([
      expect.objectContaining({
        role: 'lead',
        status: 'accepted',
        organisation: expect.objectContaining({ id: ministry.id }),
      }),
    ]);

    const invalid = await call('POST', '/api/pilots', ministry.focal, {
      organisationId: 'nope',
      content: { countries: [{ code: 'ZZ', role: 'origin' }], budget: { range: 'lots' } },
    });
    expect(invalid.statusCode).toBe(400);
    expect(paths(invalid)).toEqual(['content.budget.range', 'content.countries.0.code', 'organisationId']);

    const badSave = await call('PATCH', `/api/pilots/${pilot.id}`, ministry.focal, {
      content: {
        period: { start: '2028-01-01', end: '2027-01-01' },
        indicators: [{ indicator: 'Trained', women: 'many' }],
      },
      version: pilot.version,
    });
    expect(badSave.statusCode).toBe(400);
    expect(paths(badSave)).toEqual(['content.indicators.0.women', 'content.period.end']);
    expect(paths(await call('PATCH', `/api/pilots/${pilot.id}`, ministry.focal, { content: {} }))).toEqual([
      'version',
    ]);

    const saved = await call('PATCH', `/api/pilots/${pilot.id}`, ministry.focal, {
      content: { title: 'Care corridors', summary: 'Short' },
      version: pilot.version,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBeGreaterThan(pilot.version);
    const stale = await call('PATCH', `/api/pilots/${pilot.id}`, ministry.focal, {
      content: { title: 'Old' },
      version: pilot.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    const staleFire = await call('POST', `/api/pilots/${pilot.id}/transitions/withdraw`, ministry.focal, {
      version: pilot.version,
    });
    expect(staleFire.statusCode).toBe(409);
    expect(staleFire.json().code).toBe('STALE_VERSION');
  });

  it('lets only focal points of a verified organisation create pilots for it', async () => {
    const asMember = await call('POST', '/api/pilots', ministry.member, { organisationId: ministry.id });
    expect(asMember.statusCode).toBe(403);
    expect((await call('POST', '/api/pilots', stranger, { organisationId: ministry.id })).statusCode).toBe(
      403,
    );
    expect((await call('POST', '/api/pilots', undefined, { organisationId: ministry.id })).statusCode).toBe(
      401,
    );
    const pending = (
      await call('POST', '/api/organisations', stranger, { name: 'Unverified body', kind: 'trade_union' })
    ).json();
    expect((await call('POST', '/api/pilots', stranger, { organisationId: pending.id })).statusCode).toBe(
      403,
    );
    expect((await call('POST', '/api/pilots', ngo.focal, { organisationId: pending.id })).statusCode).toBe(
      404,
    );
  });

  it('refuses to activate with the reasons the transitions list gives, then activates once a third partner accepts and the corridor is covered', async () => {
    const pilot = await scene.proposed(ministry.id, ministry.focal);
    const before = (await call('GET', `/api/pilots/${pilot.id}/transitions`, ministry.focal)).json();
    expect(before.items).toContainEqual({
      name: 'start_forming',
      enabled: false,
      reason: 'Invite at least one partner organisation first.',
    });

    const toNgo = await scene.invite(pilot.id, ngo.id, ministry.focal);
    const toUn = await scene.invite(pilot.id, un.id, ministry.focal, 'technical');
    expect((await scene.fire(pilot.id, 'start_forming', ministry.focal)).statusCode).toBe(200);
    expect((await scene.answer(pilot.id, toNgo, 'accept', ngo.focal)).statusCode).toBe(200);
    expect((await scene.answer(pilot.id, toUn, 'decline', un.focal)).statusCode).toBe(200);

    const blocked = (await call('GET', `/api/pilots/${pilot.id}/transitions`, ministry.focal)).json();
    const reason =
      'At least 2 partner organisations besides the lead must accept; 1 have. ' +
      'No accepted partner is from or works in a country of destination (MX).';
    expect(blocked.items).toContainEqual({ name: 'activate', enabled: false, reason });
    const refused = await scene.fire(pilot.id, 'activate', ministry.focal);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'TRANSITION_BLOCKED', message: reason });

    const toNetwork = await scene.invite(pilot.id, network.id, ministry.focal, 'implementing');
    expect((await scene.answer(pilot.id, toNetwork, 'accept', network.focal)).statusCode).toBe(200);
    const ready = (await call('GET', `/api/pilots/${pilot.id}/transitions`, ministry.focal)).json();
    expect(ready.items).toContainEqual({ name: 'activate', enabled: true });
    const active = await scene.fire(pilot.id, 'activate', ministry.focal);
    expect(active.statusCode).toBe(200);
    expect(active.json()).toMatchObject({ status: 'active', activatedAt: expect.any(String) });

    // The public reads it now, with the partnership but not the refused invitation or the messages.
    const seen = await call('GET', `/api/pilots/${pilot.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().partners.map((p: { organisation: { id: string } }) => p.organisation.id)).toEqual([
      ministry.id,
      ngo.id,
      network.id,
    ]);
    expect(seen.json().partners.every((p: { message: string | null }) => p.message === null)).toBe(true);
    const asLead = (await call('GET', `/api/pilots/${pilot.id}`, ministry.member)).json();
    expect(asLead.partners).toHaveLength(4);
    expect(asLead.partners.find((p: { id: string }) => p.id === toUn.id)).toMatchObject({
      status: 'declined',
      message: 'Join us on this corridor.',
    });

    const completed = await scene.fire(pilot.id, 'complete', ministry.focal);
    expect(completed.json()).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    expect(completed.json().activatedAt).toBe(active.json().activatedAt);
    const events = (await call('GET', `/api/pilots/${pilot.id}/events`)).json();
    expect(events.items.map((e: { transition: string }) => e.transition)).toEqual([
      'propose',
      'start_forming',
      'activate',
      'complete',
    ]);
    expect(events.items.every((e: { actorId: string | null }) => e.actorId === null)).toBe(true);
    const asPartner = (await call('GET', `/api/pilots/${pilot.id}/events`, ngo.member)).json();
    expect(asPartner.items[0].actorId).toBe(ministry.focalId);
    const effects = await em().find(OutboxMessage, { queue: 'pilots', jobName: 'pilot-state-changed' });
    expect(effects.filter((e) => e.payload.entityId === pilot.id)).toHaveLength(4);
  });

  it('runs an invitation: accept once (a repeat changes nothing), a different answer 409, inviting an invited organisation 409, withdraw by the lead, who may invite it again', async () => {
    const pilot = await scene.proposed(ministry.id, ministry.focal);
    const invitation = await scene.invite(pilot.id, ngo.id, ministry.focal, 'funding');
    expect(invitation).toMatchObject({
      status: 'invited',
      role: 'funding',
      message: 'Join us on this corridor.',
    });
    const days = (Date.parse(invitation.expiresAt) - Date.parse(invitation.invitedAt)) / 86_400_000;
    expect(days).toBe(14);
    const outbox = await em().find(OutboxMessage, { queue: 'pilots' }, { orderBy: { createdAt: 'asc' } });
    expect(
      outbox
        .filter((o) => o.payload.partnerId === invitation.id)
        .map((o) => o.jobName)
        .sort(),
    ).toEqual(['invitation-received', 'schedule-invitation-timers']);

    const again = await call('POST', `/api/pilots/${pilot.id}/partners`, ministry.focal, {
      organisationId: ngo.id,
      role: 'technical',
    });
    expect(again.statusCode).toBe(409);
    const lead = await call('POST', `/api/pilots/${pilot.id}/partners`, ministry.focal, {
      organisationId: ministry.id,
      role: 'technical',
    });
    expect(lead.statusCode).toBe(409);
    const pending = (
      await call('POST', '/api/organisations', stranger, { name: 'Still pending', kind: 'research' })
    ).json();
    const unverified = await call('POST', `/api/pilots/${pilot.id}/partners`, ministry.focal, {
      organisationId: pending.id,
      role: 'technical',
    });
    expect(unverified.statusCode).toBe(400);
    expect(paths(unverified)).toEqual(['organisationId']);
    const badRole = await call('POST', `/api/pilots/${pilot.id}/partners`, ministry.focal, {
      organisationId: un.id,
      role: 'lead',
    });
    expect(badRole.statusCode).toBe(400);
    expect(paths(badRole)).toEqual(['role']);
    const badCountries = await scene.answer(pilot.id, invitation, 'accept', ngo.focal, ['XX']);
    expect(badCountries.statusCode).toBe(400);
    expect(paths(badCountries)).toEqual(['countries.0']);

    // Only the invited organisation's focal points answer; others cannot, or cannot see it.
    expect((await scene.answer(pilot.id, invitation, 'accept', ngo.member!)).statusCode).toBe(403);
    expect((await scene.answer(pilot.id, invitation, 'accept', ministry.focal)).statusCode).toBe(403);
    expect((await scene.answer(pilot.id, invitation, 'accept', stranger)).statusCode).toBe(404);
    expect((await scene.answer(pilot.id, invitation, 'expire', ngo.focal)).statusCode).toBe(403);

    const accepted = await scene.answer(pilot.id, invitation, 'accept', ngo.focal, ['MX']);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      countries: ['MX'],
      respondedAt: expect.any(String),
    });
    const twice = await scene.answer(pilot.id, invitation, 'accept', ngo.focal, ['MX']);
    expect(twice.statusCode).toBe(200);
    expect(twice.json()).toEqual(accepted.json());
    const events = await em().find(WorkflowEvent, { entityType: 'PilotPartner', entityId: invitation.id });
    expect(events.map((e) => e.transition)).toEqual(['accept']);
    const staleAnswer = await scene.answer(pilot.id, invitation, 'decline', ngo.focal);
    expect(staleAnswer.statusCode).toBe(409);
    expect(staleAnswer.json()).toMatchObject({
      code: 'STALE_VERSION',
      message: expect.stringMatching(/^This invitation was changed/),
    });
    const changedMind = await scene.answer(pilot.id, accepted.json(), 'decline', ngo.focal);
    expect(changedMind.statusCode).toBe(409);
    expect(changedMind.json().code).toBe('INVALID_STATE');
    const answered = await em().find(OutboxMessage, { queue: 'pilots', jobName: 'invitation-answered' });
    expect(answered.filter((o) => o.payload.entityId === invitation.id)).toHaveLength(1);

    const toUn = await scene.invite(pilot.id, un.id, ministry.focal, 'advisory');
    expect((await scene.answer(pilot.id, toUn, 'withdraw', un.focal)).statusCode).toBe(403);
    const withdrawn = await scene.answer(pilot.id, toUn, 'withdraw', ministry.focal);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect((await scene.answer(pilot.id, withdrawn.json(), 'accept', un.focal)).statusCode).toBe(409);
    const reinvite = await call('POST', `/api/pilots/${pilot.id}/partners`, ministry.focal, {
      organisationId: un.id,
      role: 'advisory',
    });
    expect(reinvite.statusCode).toBe(201);
    expect(reinvite.json()).toMatchObject({ id: toUn.id, status: 'invited', respondedAt: null });

    // The invited organisation's inbox names the pilot and its lead.
    const inbox = (await call('GET', '/api/pilot-invitations', ngo.focal)).json();
    expect(inbox.items.find((i: { id: string }) => i.id === invitation.id)).toMatchObject({
      status: 'accepted',
      pilot: { id: pilot.id, title: completePilotContent.title, lead: { id: ministry.id } },
    });
    const open = (await call('GET', '/api/pilot-invitations?status=invited', ngo.member)).json();
    expect(open.items.every((i: { status: string }) => i.status === 'invited')).toBe(true);
    expect((await call('GET', '/api/pilot-invitations', stranger)).json()).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await call('GET', '/api/pilot-invitations')).statusCode).toBe(401);
    expect((await call('GET', '/api/pilot-invitations?status=maybe', ngo.focal)).statusCode).toBe(400);
  });

  it('gives each role its part: lead members and invited members follow, strangers and the public see nothing before activation, editors close with a reason', async () => {
    const pilot = await scene.proposed(ministry.id, ministry.focal);
    await scene.invite(pilot.id, un.id, ministry.focal, 'technical');
    const id = pilot.id;

    expect((await call('GET', `/api/pilots/${id}`, ministry.member)).statusCode).toBe(200);
    expect(
      (await call('PATCH', `/api/pilots/${id}`, ministry.member, { content: {}, version: pilot.version }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await call('POST', `/api/pilots/${id}/partners`, ministry.member, {
          organisationId: ngo.id,
          role: 'funding',
        })
      ).statusCode,
    ).toBe(403);
    expect((await scene.fire(id, 'start_forming', ministry.member!)).statusCode).toBe(403);

    // A member of an organisation invited to it follows the pilot, answered or not.
    const unMember = await api.signUp();
    expect((await call('GET', `/api/pilots/${id}`, un.focal)).statusCode).toBe(200);
    for (const token of [stranger, unMember.token, undefined]) {
      expect((await call('GET', `/api/pilots/${id}`, token)).statusCode).toBe(404);
      expect((await call('GET', `/api/pilots/${id}/events`, token)).statusCode).toBe(404);
      expect((await call('GET', `/api/pilots/${id}/transitions`, token)).statusCode).toBe(404);
    }
    expect((await call('GET', '/api/pilots/not-a-uuid')).statusCode).toBe(404);

    const listed = async (token: string | undefined, query = '') =>
      ((await call('GET', `/api/pilots${query}`, token)).json().items as { id: string }[]).map((p) => p.id);
    expect(await listed(ministry.member, '?mine=true')).toContain(id);
    expect(await listed(un.focal)).toContain(id);
    expect(await listed(un.focal, '?mine=true')).toContain(id);
    expect(await listed(editor, '?status=proposed')).toContain(id);
    expect(await listed(editor, '?status=active')).not.toContain(id);
    expect(await listed(stranger)).not.toContain(id);
    expect(await listed(undefined)).not.toContain(id);
    expect(await listed(ngo.focal)).not.toContain(id);
    const firstPage = (await call('GET', '/api/pilots?pageSize=1', editor)).json();
    expect(firstPage.items).toHaveLength(1);
    expect(firstPage.total).toBeGreaterThan(1);
    const secondPage = (await call('GET', '/api/pilots?pageSize=1&page=2', editor)).json();
    expect(secondPage.items[0].id).not.toBe(firstPage.items[0].id);
    expect(
      (await call('POST', `/api/pilots/${id}/transitions/withdraw`, undefined, { version: 1 })).statusCode,
    ).toBe(401);
    const badQuery = await call('GET', '/api/pilots?status=running&pageSize=1000');
    expect(badQuery.statusCode).toBe(400);
    expect(paths(badQuery)).toEqual(['pageSize', 'status']);

    expect((await scene.fire(id, 'close', ministry.focal, { reason: 'Mine' })).statusCode).toBe(403);
    expect((await scene.fire(id, 'start_forming', editor)).statusCode).toBe(403);
    const noReason = await scene.fire(id, 'close', editor);
    expect(noReason.statusCode).toBe(400);
    expect(paths(noReason)).toEqual(['reason']);
    expect(paths(await scene.fire(id, 'close', editor, { reason: '   ' }))).toEqual(['reason']);
    const closed = await scene.fire(id, 'close', editor, { reason: 'Duplicate of another pilot.' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedReason: 'Duplicate of another pilot.' });
    const events = (await call('GET', `/api/pilots/${id}/events`, ministry.member)).json();
    expect(events.items.at(-1)).toMatchObject({
      transition: 'close',
      comment: 'Duplicate of another pilot.',
    });
    // Closed before it ever ran: still not public.
    expect((await call('GET', `/api/pilots/${id}`)).statusCode).toBe(404);
    const frozen = await call('PATCH', `/api/pilots/${id}`, ministry.focal, {
      content: {},
      version: closed.json().version,
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('INVALID_STATE');
    const noMore = await call('POST', `/api/pilots/${id}/partners`, ministry.focal, {
      organisationId: ngo.id,
      role: 'funding',
    });
    expect(noMore.statusCode).toBe(409);
  });
});

import { EntityManager } from '@mikro-orm/postgresql';
import {
  Membership,
  Organisation,
  OutboxMessage,
  Pilot,
  PilotPartner,
  User,
  WorkflowEvent,
} from '@pathways/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/test-api';
import { seedDemo } from './demo-seed';

describe('the demo seed', () => {
  let api: TestApi;
  const em = () => api.app.get(EntityManager).fork();

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const snapshot = async () => {
    const e = em();
    return {
      users: await e.count(User, {}),
      organisations: await e.count(Organisation, {}),
      memberships: await e.count(Membership, {}),
      pilots: await e.count(Pilot, {}),
      partners: await e.count(PilotPartner, {}),
      events: await e.count(WorkflowEvent, {}),
    };
  };

  it('gives reviewers expertise and two of them a verified UN entity, and changes nothing when run again', async () => {
    const logins = await seedDemo(em());
    expect(logins.map((l) => l.key)).toEqual(
      expect.arrayContaining(['reviewer1', 'reviewer2', 'reviewer3', 'reviewer4']),
    );
    const once = await snapshot();
    await seedDemo(em());
    expect(await snapshot()).toEqual(once);

    const reviewers = await em().find(
      User,
      { roles: { $contains: ['reviewer'] } },
      { orderBy: { email: 'asc' } },
    );
    expect(reviewers.map((r) => r.email)).toEqual([1, 2, 3, 4].map((n) => `reviewer${n}@pathways.example`));
    for (const reviewer of reviewers) {
      expect(reviewer.expertiseThemes.length).toBeGreaterThan(0);
      expect(reviewer.reviewLanguages.length).toBeGreaterThan(0);
    }
    const unMembers = await em().find(
      Membership,
      { status: 'active', organisation: { kind: 'un_entity', status: 'verified' } },
      { populate: ['user'] },
    );
    expect(unMembers.map((m) => m.user.email).sort()).toEqual([
      'reviewer1@pathways.example',
      'reviewer4@pathways.example',
    ]);
  });

  it('lets demo reviewers log in', async () => {
    const login = await api.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'reviewer4@pathways.example', password: 'pathways-reviewer-demo' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('shows an active pilot PH → MX with two accepted partners, and a forming one with an invitation to answer', async () => {
    await seedDemo(em());
    const ministry = await api.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'focal@ministry.example', password: 'pathways-partner-demo' },
    });
    const network = await api.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'focal@network.example', password: 'pathways-partner-demo' },
    });
    const auth = (login: typeof ministry) => ({ authorization: `Bearer ${login.json().token}` });

    const list = await api.request({ method: 'GET', url: '/api/pilots' });
    expect(list.json().items.map((p: { slug: string }) => p.slug)).toEqual(['demo-safe-corridors-ph-mx']);
    const active = list.json().items[0];
    expect(active).toMatchObject({
      status: 'active',
      activatedAt: expect.any(String),
      lead: { kind: 'government' },
    });
    expect(
      active.partners.map((p: { role: string; status: string; organisation: { kind: string } }) => [
        p.role,
        p.status,
        p.organisation.kind,
      ]),
    ).toEqual([
      ['lead', 'accepted', 'government'],
      ['implementing', 'accepted', 'migrant_workers_association'],
      ['technical', 'accepted', 'un_entity'],
    ]);
    const timeline = await api.request({ method: 'GET', url: `/api/pilots/${active.id}/events` });
    expect(timeline.json().items.map((e: { transition: string }) => e.transition)).toEqual([
      'propose',
      'start_forming',
      'activate',
    ]);
    // Its reporting timers are asked for as an activation through the API asks for them.
    const timers = await em().find(OutboxMessage, {
      queue: 'reminders',
      jobName: 'schedule-pilot-reporting',
    });
    expect(timers.map((t) => t.payload.entityId)).toEqual([active.id]);

    const mine = await api.request({ method: 'GET', url: '/api/pilots?mine=true', headers: auth(ministry) });
    expect(
      mine
        .json()
        .items.map((p: { status: string }) => p.status)
        .sort(),
    ).toEqual(['active', 'forming']);
    const inbox = await api.request({
      method: 'GET',
      url: '/api/pilot-invitations?status=invited',
      headers: auth(network),
    });
    expect(inbox.json().items).toEqual([
      expect.objectContaining({
        status: 'invited',
        role: 'implementing',
        pilot: expect.objectContaining({
          slug: 'demo-return-reintegration',
          status: 'forming',
          title: 'Return and reintegration of care workers (demo)',
        }),
      }),
    ]);
  });
});

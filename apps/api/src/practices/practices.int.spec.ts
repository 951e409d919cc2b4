import { EntityManager } from '@mikro-orm/postgresql';
import { OutboxMessage, PracticeVersion } from '@pathways/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../testing/practice-content';
import { reviewFixtures } from '../testing/review-fixtures';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';

const complete = completePracticeContent;

describe('practices through the workflow', () => {
  let api: TestApi;
  let admin: string;
  let editor: string;
  let owner: string;
  let stranger: string;
  let orgId: string;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token?: string, payload?: object) =>
    api.request({ method, url, payload, headers: token ? bearer(token) : {} });
  const fire = (id: string, name: string, token: string, version: number, comment?: string) =>
    call('POST', `/api/practices/${id}/transitions/${name}`, token, { version, comment });
  const draft = async (content: object = {}) => {
    const response = await call('POST', '/api/practices', owner, { organisationId: orgId, content });
    expect(response.statusCode).toBe(201);
    return response.json();
  };
  const submitted = async () => {
    const practice = await draft(complete);
    const response = await fire(practice.id, 'submit', owner, practice.version);
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.signUp({ roles: ['admin'] })).token;
    editor = (await api.signUp({ roles: ['editor'] })).token;
    owner = (await api.signUp()).token;
    stranger = (await api.signUp()).token;
    const org = await reviewFixtures(api, admin).organisation(
      owner,
      'Kanlungan Centre',
      'civil_society',
      null,
    );
    orgId = org.id;
  });
  afterAll(() => api?.close());

  it('saves an incomplete draft, and names each invalid field', async () => {
    const practice = await draft({ title: 'Care chains' });
    expect(practice).toMatchObject({
      status: 'draft',
      versionNumber: 1,
      organisationId: orgId,
      organisationName: 'Kanlungan Centre',
      content: { title: 'Care chains' },
      slug: expect.stringMatching(/^care-chains-[0-9a-f]{8}$/),
    });

    const invalid = await call('PATCH', `/api/practices/${practice.id}`, owner, {
      content: {
        themes: ['astrology'],
        countries: [{ code: 'ZZ', role: 'origin' }],
        indicators: [{ indicator: 'Trained', women: 'many' }],
      },
      version: practice.version,
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['content.countries.0.code', 'content.indicators.0.women', 'content.themes.0']);

    const saved = await call('PATCH', `/api/practices/${practice.id}`, owner, {
      content: { title: 'Care chains', summary: 'Short' },
      version: practice.version,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ content: { summary: 'Short' }, versionNumber: 1 });
    expect(saved.json().version).toBeGreaterThan(practice.version);

    const stale = await call('PATCH', `/api/practices/${practice.id}`, owner, {
      content: { title: 'Old' },
      version: practice.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
  });

  it('refuses a practice for an organisation the caller does not act for (403) or cannot see (404)', async () => {
    const notMember = await call('POST', '/api/practices', stranger, { organisationId: orgId, content: {} });
    expect(notMember.statusCode).toBe(403);
    const pending = (
      await call('POST', '/api/organisations', owner, { name: 'Unverified body', kind: 'trade_union' })
    ).json();
    const unseen = await call('POST', '/api/practices', stranger, {
      organisationId: pending.id,
      content: {},
    });
    expect(unseen.statusCode).toBe(404);
    const notYetVerified = await call('POST', '/api/practices', owner, { organisationId: pending.id });
    expect(notYetVerified.statusCode).toBe(403);
    const anonymous = await call('POST', '/api/practices', undefined, { organisationId: orgId });
    expect(anonymous.statusCode).toBe(401);

    const practice = await draft();
    expect((await call('GET', `/api/practices/${practice.id}`, stranger)).statusCode).toBe(404);
    expect(
      (await call('PATCH', `/api/practices/${practice.id}`, stranger, { content: {}, version: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses a submission listing the missing fields, then accepts it with an event and an outbox row', async () => {
    const practice = await draft({ title: 'Half done' });
    const available = (await call('GET', `/api/practices/${practice.id}/transitions`, owner)).json();
    expect(available.items).toEqual(
      expect.arrayContaining([
        { name: 'submit', enabled: false, reason: expect.stringContaining('summary') },
        { name: 'withdraw', enabled: true },
      ]),
    );
    const refused = await fire(practice.id, 'submit', owner, practice.version);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'TRANSITION_BLOCKED' });
    for (const field of ['summary', 'problem', 'countries', 'indicators', 'licence']) {
      expect(refused.json().message).toContain(field);
    }
    expect(refused.json().issues.map((i: { path: string }) => i.path)).toEqual([
      'content.summary',
      'content.problem',
      'content.description',
      'content.themes',
      'content.stages',
      'content.countries',
      'content.targetGroups',
      'content.outcomes',
      'content.indicators',
      'content.language',
      'content.licence',
    ]);

    const filled = (
      await call('PATCH', `/api/practices/${practice.id}`, owner, {
        content: complete,
        version: practice.version,
      })
    ).json();
    const accepted = await fire(practice.id, 'submit', owner, filled.version, 'Ready for screening');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'submitted', version: filled.version + 1 });

    const events = (await call('GET', `/api/practices/${practice.id}/events`, owner)).json();
    expect(events.items).toEqual([
      expect.objectContaining({
        sequence: 1,
        transition: 'submit',
        fromState: 'draft',
        toState: 'submitted',
        comment: 'Ready for screening',
      }),
    ]);
    const em = api.app.get(EntityManager).fork();
    const outbox = await em.find(OutboxMessage, { payload: { entityId: practice.id } });
    expect(outbox.map((m) => `${m.queue}.${m.jobName}`)).toEqual(['notifications.practice-submitted']);
    expect(outbox[0].payload).toMatchObject({ eventId: events.items[0].id, transition: 'submit' });

    const edit = await call('PATCH', `/api/practices/${practice.id}`, owner, {
      content: { ...complete, title: 'Changed after submission' },
      version: accepted.json().version,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('INVALID_STATE');
  });

  it('keeps a submitted version intact: revising starts version n+1, which resubmission freezes', async () => {
    const practice = await submitted();
    const em = api.app.get(EntityManager).fork();
    // Reaching revisions_requested needs three reviews, which arrive with review assignments.
    await em
      .getConnection()
      .execute(`update practice set status = 'revisions_requested' where id = ?`, [practice.id]);
    const revised = await call('PATCH', `/api/practices/${practice.id}`, owner, {
      content: { ...complete, title: 'Revised title' },
      version: practice.version,
    });
    expect(revised.statusCode).toBe(200);
    expect(revised.json()).toMatchObject({ versionNumber: 2, content: { title: 'Revised title' } });
    const versions = await em.find(
      PracticeVersion,
      { practice: practice.id },
      { orderBy: { number: 'asc' } },
    );
    expect(versions.map((v) => [v.number, v.content.title, v.submittedAt !== null])).toEqual([
      [1, complete.title, true],
      [2, 'Revised title', false],
    ]);

    const again = await call('PATCH', `/api/practices/${practice.id}`, owner, {
      content: { ...complete, title: 'Revised twice' },
      version: revised.json().version,
    });
    expect(again.json()).toMatchObject({ versionNumber: 2, content: { title: 'Revised twice' } });
    const resubmitted = await fire(practice.id, 'resubmit', owner, again.json().version);
    expect(resubmitted.json()).toMatchObject({ status: 'resubmitted', versionNumber: 2 });
    const frozen = await em.fork().findOneOrFail(PracticeVersion, { practice: practice.id, number: 2 });
    expect(frozen.submittedAt).not.toBeNull();
  });

  it('lets an editor screen a submission, which a partner cannot, and answers 409 in the wrong state', async () => {
    const practice = await submitted();
    expect((await call('GET', `/api/practices/${practice.id}`, editor)).statusCode).toBe(200);
    const anonymous = await call(
      'POST',
      `/api/practices/${practice.id}/transitions/start_screening`,
      undefined,
      {
        version: practice.version,
      },
    );
    expect(anonymous.statusCode).toBe(401);
    const byOwner = await fire(practice.id, 'start_screening', owner, practice.version);
    expect(byOwner.statusCode).toBe(403);
    const screening = await fire(practice.id, 'start_screening', editor, practice.version);
    expect(screening.json()).toMatchObject({ status: 'screening' });

    const available = (await call('GET', `/api/practices/${practice.id}/transitions`, editor)).json();
    expect(available.items).toEqual(
      expect.arrayContaining([
        { name: 'desk_reject', enabled: true },
        { name: 'send_to_review', enabled: false, reason: 'Invite at least 3 reviewers; 0 so far.' },
      ]),
    );
    const blocked = await fire(practice.id, 'send_to_review', editor, screening.json().version);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({
      code: 'TRANSITION_BLOCKED',
      message: expect.stringContaining('3'),
    });
    const wrongState = await fire(practice.id, 'publish', editor, screening.json().version);
    expect(wrongState.statusCode).toBe(409);
    expect(wrongState.json().code).toBe('INVALID_STATE');
    const unknown = await fire(practice.id, 'teleport', editor, screening.json().version);
    expect(unknown.statusCode).toBe(404);
  });

  it('hides drafts from editors and everything unpublished from the public', async () => {
    const practice = await draft(complete);
    expect((await call('GET', `/api/practices/${practice.id}`, editor)).statusCode).toBe(404);
    expect((await call('GET', `/api/practices/${practice.id}`, admin)).statusCode).toBe(200);
    const sent = await submitted();
    expect((await call('GET', `/api/practices/${sent.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/practices/${sent.id}/events`)).statusCode).toBe(404);
    const publicList = (await call('GET', '/api/practices?pageSize=100')).json();
    expect(publicList).toMatchObject({ items: [], total: 0 });

    const editorList = (await call('GET', '/api/practices?pageSize=100', editor)).json();
    const editorIds = editorList.items.map((p: { id: string }) => p.id);
    expect(editorIds).toContain(sent.id);
    expect(editorIds).not.toContain(practice.id);
    const mine = (await call('GET', '/api/practices?mine=true&status=draft&pageSize=100', owner)).json();
    expect(mine.items.map((p: { id: string }) => p.id)).toContain(practice.id);
    expect(mine.items.every((p: { status: string }) => p.status === 'draft')).toBe(true);
    expect((await call('GET', '/api/practices?pageSize=100', stranger)).json().total).toBe(0);
  });

  it('shows a practice to the public once an editor publishes it, without naming who acted', async () => {
    const practice = await submitted();
    expect((await call('GET', `/api/practices/${practice.id}`)).statusCode).toBe(404);
    // Acceptance needs three reviews, which arrive with review assignments.
    await api.app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute(`update practice set status = 'accepted' where id = ?`, [practice.id]);
    const published = await fire(practice.id, 'publish', editor, practice.version);
    expect(published.json()).toMatchObject({ status: 'published' });

    const seen = await call('GET', `/api/practices/${practice.id}`);
    expect(seen.json()).toMatchObject({ status: 'published', content: { title: complete.title } });
    const list = (await call('GET', '/api/practices?pageSize=100')).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([practice.id]);
    const timeline = (await call('GET', `/api/practices/${practice.id}/events`)).json();
    expect(
      timeline.items.map((e: { transition: string; actorId: null }) => [e.transition, e.actorId]),
    ).toEqual([
      ['submit', null],
      ['publish', null],
    ]);
    expect((await call('GET', `/api/practices/${practice.id}/transitions`)).json()).toEqual({ items: [] });
  });

  it('settles two simultaneous transitions with one winner and one 409', async () => {
    const practice = await submitted();
    await fire(practice.id, 'start_screening', editor, practice.version);
    const screened = (await call('GET', `/api/practices/${practice.id}`, editor)).json();
    const [a, b] = await Promise.all([
      fire(screened.id, 'desk_reject', editor, screened.version, 'Out of scope'),
      fire(screened.id, 'withdraw', owner, screened.version),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const events = (await call('GET', `/api/practices/${practice.id}/events`, editor)).json();
    expect(events.items.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2, 3]);
  });

  it('lets an admin verify the event chain, which tampering breaks', async () => {
    const practice = await submitted();
    await fire(practice.id, 'start_screening', editor, practice.version);
    const url = `/api/admin/workflow-events/Practice/${practice.id}/verify`;
    expect((await call('GET', url, editor)).statusCode).toBe(403);
    expect((await call('GET', url, admin)).json()).toEqual({ valid: true, events: 2 });

    const em = api.app.get(EntityManager).fork();
    await em
      .getConnection()
      .execute(`update workflow_event set to_state = 'accepted' where entity_id = ? and sequence = 1`, [
        practice.id,
      ]);
    expect((await call('GET', url, admin)).json()).toMatchObject({ valid: false, brokenAt: 1 });
  });
});

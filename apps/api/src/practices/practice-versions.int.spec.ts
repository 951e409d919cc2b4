import { EntityManager } from '@mikro-orm/postgresql';
import { Practice, PracticeVersion } from '@pathways/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../testing/practice-content';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';

const complete = completePracticeContent;

describe('practice versions', () => {
  let api: TestApi;
  let author: string;
  let editor: string;
  let practiceId: string;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token?: string, payload?: object) =>
    api.request({ method, url, payload, headers: token ? bearer(token) : {} });

  beforeAll(async () => {
    api = await startTestApi();
    const admin = (await api.signUp({ roles: ['admin'] })).token;
    editor = (await api.signUp({ roles: ['editor'] })).token;
    author = (await api.signUp()).token;
    const org = (
      await call('POST', '/api/organisations', author, { name: 'Kanlungan Centre', kind: 'civil_society' })
    ).json();
    await call('POST', `/api/organisations/${org.id}/verify`, admin, { version: org.version });
    const draft = (
      await call('POST', '/api/practices', author, { organisationId: org.id, content: complete })
    ).json();
    practiceId = draft.id;
    const submitted = await call('POST', `/api/practices/${draft.id}/transitions/submit`, author, {
      version: draft.version,
    });
    expect(submitted.statusCode).toBe(200);
    // Requesting revisions needs three reviews; the reviews tests cover that path, here the state is set directly.
    await api.app
      .get(EntityManager)
      .fork()
      .nativeUpdate(Practice, { id: draft.id }, { status: 'revisions_requested' });
    const current = (await call('GET', `/api/practices/${draft.id}`, author)).json();
    const revised = await call('PATCH', `/api/practices/${draft.id}`, author, {
      version: current.version,
      content: {
        ...complete,
        title: 'Rights-based pre-departure orientation',
        lessons: 'Involve returnees early.',
      },
    });
    expect(revised.json()).toMatchObject({ versionNumber: 2 });
  });
  afterAll(() => api?.close());

  it('shows the authors every version, and others only submitted ones', async () => {
    const mine = (await call('GET', `/api/practices/${practiceId}/versions`, author)).json().items;
    expect(
      mine.map((v: { number: number; submittedAt: string | null }) => [v.number, v.submittedAt !== null]),
    ).toEqual([
      [1, true],
      [2, false],
    ]);
    const editors = (await call('GET', `/api/practices/${practiceId}/versions`, editor)).json().items;
    expect(editors.map((v: { number: number }) => v.number)).toEqual([1]);
    expect((await call('GET', `/api/practices/${practiceId}/versions/2`, editor)).statusCode).toBe(404);
    expect((await call('GET', `/api/practices/${practiceId}/versions`)).statusCode).toBe(404);
  });

  it('says what changed between two versions, field by field', async () => {
    const diff = (await call('GET', `/api/practices/${practiceId}/diff?from=1&to=2`, author)).json();
    expect(diff).toEqual({
      from: 1,
      to: 2,
      changes: [
        { field: 'lessons', kind: 'added', before: null, after: 'Involve returnees early.' },
        {
          field: 'title',
          kind: 'changed',
          before: 'Pre-departure orientation by returnee women',
          after: 'Rights-based pre-departure orientation',
        },
      ],
    });
    expect((await call('GET', `/api/practices/${practiceId}/versions/1`, author)).json().content.title).toBe(
      complete.title,
    );
    expect((await call('GET', `/api/practices/${practiceId}/diff?from=1&to=9`, author)).statusCode).toBe(404);
    const bad = await call('GET', `/api/practices/${practiceId}/diff?from=first&to=2`, author);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('from');
  });

  it('shows the public the published version only, never earlier rounds', async () => {
    // The second round was accepted and published; the workflow tests cover how it gets there.
    const em = api.app.get(EntityManager).fork();
    const now = new Date();
    await em.nativeUpdate(
      PracticeVersion,
      { practice: practiceId, number: 2 },
      { submittedAt: now, publishedAt: now },
    );
    const second = await em.findOneOrFail(PracticeVersion, { practice: practiceId, number: 2 });
    await em.nativeUpdate(Practice, { id: practiceId }, { status: 'published', publishedVersion: second.id });

    const open = (await call('GET', `/api/practices/${practiceId}/versions`)).json().items;
    expect(open.map((v: { number: number }) => v.number)).toEqual([2]);
    expect((await call('GET', `/api/practices/${practiceId}/versions/2`)).statusCode).toBe(200);
    expect((await call('GET', `/api/practices/${practiceId}/versions/1`)).statusCode).toBe(404);
    expect((await call('GET', `/api/practices/${practiceId}/diff?from=1&to=2`)).statusCode).toBe(404);
    const outsider = (await api.signUp()).token;
    expect((await call('GET', `/api/practices/${practiceId}/versions/1`, outsider)).statusCode).toBe(404);

    const editors = (await call('GET', `/api/practices/${practiceId}/versions`, editor)).json().items;
    expect(editors.map((v: { number: number }) => v.number)).toEqual([1, 2]);
  });
});

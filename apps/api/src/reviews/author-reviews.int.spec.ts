import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../testing/practice-content';
import { onePersonPanel, reviewFixtures } from '../testing/review-fixtures';
import { startTestApi, type TestApi } from '../testing/test-api';

type Reviewer = Awaited<ReturnType<ReturnType<typeof reviewFixtures>['reviewer']>>;

describe('reviews as the authors read them, and decisions with a rationale', () => {
  let api: TestApi;
  let admin: string;
  let editor: string;
  let author: string;
  let stranger: string;
  let practiceId: string;
  let fx: ReturnType<typeof reviewFixtures>;
  let r1: Reviewer;
  let r2: Reviewer;
  let r3: Reviewer;

  const reviews = (token?: string) => fx.call('GET', `/api/practices/${practiceId}/reviews`, token);

  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.signUp({ roles: ['admin'] })).token;
    editor = (await api.signUp({ roles: ['editor'] })).token;
    author = (await api.signUp()).token;
    stranger = (await api.signUp()).token;
    fx = reviewFixtures(api, admin);
    const policy = await fx.call('PUT', '/api/review-policy', admin, {
      ...onePersonPanel,
      reviewersRequired: 2,
      version: 0,
    });
    expect(policy.statusCode).toBe(200);
    const org = await fx.organisation(author, 'Red de Trabajadoras', 'migrant_workers_association', 'MX');
    r1 = await fx.reviewer({ name: 'Rights Network', kind: 'civil_society', country: 'ES' });
    r2 = await fx.reviewer({ name: 'Research Institute', kind: 'research', country: 'FR' });
    r3 = await fx.reviewer({ name: 'UN Women', kind: 'un_entity', country: null });
    practiceId = await fx.practiceInScreening(author, org.id, editor);
    await fx.invite(practiceId, r1.id, editor);
    await fx.invite(practiceId, r2.id, editor);
    expect((await fx.fire(practiceId, 'send_to_review', editor)).statusCode).toBe(200);
    await fx.review(practiceId, r1.token, {
      recommendation: 'minor_revisions',
      commentsToAuthors: 'Add the 2023 figures.',
      confidentialComments: 'secret from reviewer one',
    });
    await fx.review(practiceId, r2.token, {
      recommendation: 'accept',
      commentsToAuthors: 'Strong evidence.',
      confidentialComments: 'secret from reviewer two',
    });
  });
  afterAll(() => api?.close());

  it('shows each reviewer only their own assignment and confidential comments', async () => {
    const own = await fx.call('GET', `/api/practices/${practiceId}/review-assignments`, r1.token);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((a: { reviewerId: string }) => a.reviewerId)).toEqual([r1.id]);
    expect(own.body).toContain('secret from reviewer one');
    expect(own.body).not.toContain('secret from reviewer two');
    expect(own.body).not.toContain(r2.id);
    const panel = await fx.call('GET', `/api/practices/${practiceId}/review-assignments`, editor);
    expect(panel.json().items).toHaveLength(2);
    expect(panel.body).toContain('secret from reviewer two');
  });

  it('keeps the reviews from the authors until the editor decides', async () => {
    const early = await reviews(author);
    expect(early.statusCode).toBe(200);
    expect(early.json().items).toEqual([]);
  });

  it('asks every decision for a reason, after checking who may decide', async () => {
    for (const comment of [undefined, '   ']) {
      const { version } = await fx.practice(practiceId, editor);
      const bare = await fx.call(
        'POST',
        `/api/practices/${practiceId}/transitions/request_revisions`,
        editor,
        {
          version,
          ...(comment === undefined ? {} : { comment }),
        },
      );
      expect(bare.statusCode).toBe(400);
      expect(bare.json().issues).toEqual([{ path: 'comment', message: 'Give the reason for this decision' }]);
    }
    for (const decision of ['accept', 'reject']) {
      const bare = await fx.fire(practiceId, decision, editor);
      expect(bare.statusCode).toBe(400);
      expect(bare.json().issues[0].path).toBe('comment');
    }
    expect((await fx.fire(practiceId, 'request_revisions', author)).statusCode).toBe(403);
    const decided = await fx.fire(practiceId, 'request_revisions', editor, 'Please add the 2023 figures.');
    expect(decided.json()).toMatchObject({ status: 'revisions_requested' });
    const events = (await fx.call('GET', `/api/practices/${practiceId}/events`, author)).json().items;
    expect(events.at(-1)).toMatchObject({
      transition: 'request_revisions',
      comment: 'Please add the 2023 figures.',
    });
  });

  it('shows the authors the decided round, anonymously and without confidential comments', async () => {
    const response = await reviews(author);
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items).toEqual([
      {
        label: 'Reviewer 1',
        versionNumber: 1,
        recommendation: 'minor_revisions',
        scores: expect.objectContaining({ relevance: 5 }),
        commentsToAuthors: 'Add the 2023 figures.',
        submittedAt: expect.any(String),
      },
      expect.objectContaining({ label: 'Reviewer 2', recommendation: 'accept' }),
    ]);
    for (const id of [r1.id, r2.id]) expect(response.body).not.toContain(id);
    expect(response.body).not.toMatch(/secret|Rights Network|Research Institute/);
    expect((await reviews(editor)).json().items).toHaveLength(2);
  });

  it('keeps the reviews from reviewers, other partners and the public', async () => {
    expect((await reviews(r1.token)).statusCode).toBe(403);
    expect((await reviews(r3.token)).statusCode).toBe(404);
    expect((await reviews(stranger)).statusCode).toBe(404);
    expect((await reviews()).statusCode).toBe(401);
  });

  it('adds a round once it is decided, and a reviewer keeps their label', async () => {
    const current = await fx.practice(practiceId, author);
    const revised = await fx.call('PATCH', `/api/practices/${practiceId}`, author, {
      version: current.version,
      content: { ...completePracticeContent, outcomes: 'Fewer substitutions; 2023 figures added.' },
    });
    expect(revised.json()).toMatchObject({ versionNumber: 2 });
    expect((await fx.fire(practiceId, 'resubmit', author)).statusCode).toBe(200);
    expect((await reviews(author)).json().items).toHaveLength(2);
    expect((await fx.fire(practiceId, 'resume_review', editor)).statusCode).toBe(200);
    await fx.invite(practiceId, r3.id, editor);
    await fx.invite(practiceId, r2.id, editor);
    await fx.review(practiceId, r3.token, { recommendation: 'accept', commentsToAuthors: 'Ready now.' });
    await fx.review(practiceId, r2.token, { recommendation: 'accept', commentsToAuthors: 'Thank you.' });
    // The second round is not decided yet.
    expect((await reviews(author)).json().items).toHaveLength(2);
    expect((await fx.fire(practiceId, 'accept', editor, 'Both reviewers recommend it.')).statusCode).toBe(
      200,
    );
    const items = (await reviews(author)).json().items as { label: string; versionNumber: number }[];
    expect(items.map((r) => `${r.versionNumber} ${r.label}`)).toEqual([
      '1 Reviewer 1',
      '1 Reviewer 2',
      '2 Reviewer 2',
      '2 Reviewer 3',
    ]);
  });
});

describe('what the public and other partners see of unpublished practices', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('answers 404 for the practice and everything about it, 401 for what needs an account', async () => {
    const admin = (await api.signUp({ roles: ['admin'] })).token;
    const editor = (await api.signUp({ roles: ['editor'] })).token;
    const fx = reviewFixtures(api, admin);
    const author = (await api.signUp()).token;
    const neighbour = (await api.signUp()).token;
    const org = await fx.organisation(author, 'Ministry of Labour', 'government', 'PH');
    await fx.organisation(neighbour, 'Another Ministry', 'government', 'MX');
    const draft = (
      await fx.call('POST', '/api/practices', author, { organisationId: org.id, content: {} })
    ).json();
    const submitted = await fx.practiceInScreening(author, org.id, editor);

    for (const id of [draft.id, submitted]) {
      for (const path of ['', '/versions', '/versions/1', '/diff?from=1&to=1', '/events', '/attachments']) {
        expect((await fx.call('GET', `/api/practices/${id}${path}`)).statusCode, path).toBe(404);
        expect((await fx.call('GET', `/api/practices/${id}${path}`, neighbour)).statusCode, path).toBe(404);
      }
      for (const path of ['/reviews', '/reviewer-suggestions', '/review-assignments']) {
        expect((await fx.call('GET', `/api/practices/${id}${path}`)).statusCode, path).toBe(401);
      }
      expect((await fx.call('GET', `/api/practices/${id}/reviews`, neighbour)).statusCode).toBe(404);
    }
    // Partners list their own organisation's drafts, and nobody else's.
    const listed = async (token?: string) =>
      (await fx.call('GET', '/api/practices?pageSize=100', token))
        .json()
        .items.map((p: { id: string }) => p.id);
    expect(await listed(author)).toEqual(expect.arrayContaining([draft.id, submitted]));
    expect(await listed(neighbour)).toEqual([]);
    expect(await listed()).toEqual([]);
    expect(await listed(editor)).toEqual([submitted]);
  });
});

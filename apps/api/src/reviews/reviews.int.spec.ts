import { EntityManager } from '@mikro-orm/postgresql';
import { OutboxMessage } from '@pathways/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent, completeReview as fullReview } from '@pathways/contracts/testing';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';

const complete = completePracticeContent;

describe('peer review of a practice', () => {
  let api: TestApi;
  let admin: string;
  let editor: string;
  let author: string;
  let practice: { id: string; version: number };
  const reviewers: { token: string; id: string }[] = [];

  const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: object) =>
    api.request({ method, url, payload, headers: token ? bearer(token) : {} });
  const organisation = async (token: string, name: string, kind: string, country: string | null) => {
    const org = (await call('POST', '/api/organisations', token, { name, kind, country })).json();
    expect(
      (await call('POST', `/api/organisations/${org.id}/verify`, admin, { version: org.version })).statusCode,
    ).toBe(200);
    return org;
  };
  const practiceVersion = async () =>
    (await call('GET', `/api/practices/${practice.id}`, editor)).json().version;
  const transitions = async () =>
    (await call('GET', `/api/practices/${practice.id}/transitions`, editor)).json().items as {
      name: string;
      enabled: boolean;
      reason?: string;
    }[];

  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.signUp({ roles: ['admin'] })).token;
    editor = (await api.signUp({ roles: ['editor'] })).token;
    const owner = await api.signUp();
    author = owner.token;
    const org = await organisation(author, 'Department of Migrant Workers', 'government', 'PH');
    for (const [name, kind, country] of [
      ['UN Women', 'un_entity', null],
      ['Research Institute', 'research', 'MX'],
      ['Rights Network', 'civil_society', 'ES'],
      ['Philippine University', 'research', 'PH'],
    ] as const) {
      const reviewer = await api.signUp({ roles: ['reviewer'] });
      await organisation(reviewer.token, name, kind, country);
      reviewers.push({ token: reviewer.token, id: reviewer.user.id });
    }
    const draft = (
      await call('POST', '/api/practices', author, { organisationId: org.id, content: complete })
    ).json();
    const submitted = (
      await call('POST', `/api/practices/${draft.id}/transitions/submit`, author, { version: draft.version })
    ).json();
    const screening = await call('POST', `/api/practices/${draft.id}/transitions/start_screening`, editor, {
      version: submitted.version,
    });
    expect(screening.statusCode).toBe(200);
    practice = screening.json();
  });
  afterAll(() => api?.close());

  it('excludes reviewers from the same country as a government submission, and non-reviewers', async () => {
    const sameCountry = await call('POST', `/api/practices/${practice.id}/review-assignments`, editor, {
      reviewerId: reviewers[3].id,
    });
    expect(sameCountry.statusCode).toBe(409);
    expect(sameCountry.json().message).toMatch(/same country/);
    const partner = await api.signUp();
    const notReviewer = await call('POST', `/api/practices/${practice.id}/review-assignments`, editor, {
      reviewerId: partner.user.id,
    });
    expect(notReviewer.statusCode).toBe(409);
    const byAuthor = await call('POST', `/api/practices/${practice.id}/review-assignments`, author, {
      reviewerId: reviewers[0].id,
    });
    expect(byAuthor.statusCode).toBe(403);
  });

  it('will not send to review before a full panel with a UN entity reviewer is invited', async () => {
    expect((await transitions()).find((t) => t.name === 'send_to_review')).toMatchObject({
      enabled: false,
      reason: 'Invite at least 3 reviewers; 0 so far.',
    });
    for (const reviewer of reviewers.slice(0, 3)) {
      const invited = await call('POST', `/api/practices/${practice.id}/review-assignments`, editor, {
        reviewerId: reviewer.id,
      });
      expect(invited.statusCode).toBe(201);
      expect(invited.json()).toMatchObject({ status: 'invited', dueAt: null });
    }
    const expiries = await api.app
      .get(EntityManager)
      .fork()
      .find(OutboxMessage, { queue: 'reminders', jobName: 'expire-invitation' });
    expect(expiries).toHaveLength(3);
    expect(expiries[0].delayMs).toBe(7 * 86_400_000);
    const twice = await call('POST', `/api/practices/${practice.id}/review-assignments`, editor, {
      reviewerId: reviewers[0].id,
    });
    expect(twice.statusCode).toBe(409);
    expect((await transitions()).find((t) => t.name === 'send_to_review')).toMatchObject({ enabled: true });
    const sent = await call('POST', `/api/practices/${practice.id}/transitions/send_to_review`, editor, {
      version: await practiceVersion(),
    });
    expect(sent.statusCode).toBe(200);
  });

  it('hides the panel from the authors and shows each reviewer only their own invitation', async () => {
    expect((await call('GET', `/api/practices/${practice.id}/review-assignments`, author)).statusCode).toBe(
      403,
    );
    expect(
      (await call('GET', `/api/practices/${practice.id}/review-assignments`, editor)).json().items,
    ).toHaveLength(3);
    const own = (await call('GET', '/api/review-assignments', reviewers[0].token)).json().items;
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({
      reviewerId: reviewers[0].id,
      practiceTitle: complete.title,
      practiceVersionNumber: 1,
    });
    // One invitation reads the same for its reviewer and the editors, and is unseen by anyone else.
    const one = (id: string, token: string) => call('GET', `/api/review-assignments/${id}`, token);
    expect((await one(own[0].id, reviewers[0].token)).json()).toEqual(own[0]);
    expect((await one(own[0].id, editor)).statusCode).toBe(200);
    expect((await one(own[0].id, reviewers[1].token)).statusCode).toBe(404);
    // Partners have no review assignments at all: the route itself is closed to them.
    expect((await one(own[0].id, author)).statusCode).toBe(403);
    // Not an id cannot name an invitation: the same answer as one the caller may not see.
    expect((await one('not-an-id', reviewers[0].token)).statusCode).toBe(404);
    // Invited reviewers read the practice they review; other reviewers do not.
    expect((await call('GET', `/api/practices/${practice.id}`, reviewers[0].token)).statusCode).toBe(200);
    expect((await call('GET', `/api/practices/${practice.id}`, reviewers[3].token)).statusCode).toBe(404);
  });

  it('asks for a conflict declaration on acceptance and a complete review on submission', async () => {
    const [assignment] = (await call('GET', '/api/review-assignments', reviewers[0].token)).json().items;
    const bare = await call(
      'POST',
      `/api/review-assignments/${assignment.id}/transitions/accept`,
      reviewers[0].token,
      {
        version: assignment.version,
      },
    );
    expect(bare.statusCode).toBe(409);
    expect(bare.json()).toMatchObject({
      code: 'TRANSITION_BLOCKED',
      issues: [{ path: 'conflictDeclaration' }],
    });

    const byOther = await call(
      'POST',
      `/api/review-assignments/${assignment.id}/transitions/accept`,
      reviewers[1].token,
      {
        version: assignment.version,
        conflictDeclaration: 'none',
      },
    );
    expect(byOther.statusCode).toBe(404);

    const accepted = await call(
      'POST',
      `/api/review-assignments/${assignment.id}/transitions/accept`,
      reviewers[0].token,
      {
        version: assignment.version,
        conflictDeclaration: 'none',
      },
    );
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      conflictDeclaration: 'none',
      dueAt: expect.any(String),
    });

    const partial = await call(
      'POST',
      `/api/review-assignments/${assignment.id}/transitions/submit`,
      reviewers[0].token,
      {
        version: accepted.json().version,
        review: { scores: { relevance: 5 }, recommendation: 'accept' },
      },
    );
    expect(partial.statusCode).toBe(409);
    expect(partial.json().issues.map((i: { path: string }) => i.path)).toContain('review.scores.evidence');

    const badScore = await call(
      'POST',
      `/api/review-assignments/${assignment.id}/transitions/submit`,
      reviewers[0].token,
      {
        version: accepted.json().version,
        review: { ...fullReview, scores: { ...fullReview.scores, relevance: 9 } },
      },
    );
    expect(badScore.statusCode).toBe(400);
    expect(badScore.json().issues[0].path).toBe('review.scores.relevance');
  });

  it('lets an editor decide once every reviewer has submitted, and two at once get one 409', async () => {
    for (const reviewer of reviewers.slice(0, 3)) {
      const [assignment] = (await call('GET', '/api/review-assignments', reviewer.token)).json().items;
      let version = assignment.version;
      if (assignment.status === 'invited') {
        version = (
          await call('POST', `/api/review-assignments/${assignment.id}/transitions/accept`, reviewer.token, {
            version,
            conflictDeclaration: 'none',
          })
        ).json().version;
      }
      expect((await transitions()).find((t) => t.name === 'accept')).toMatchObject({ enabled: false });
      const submitted = await call(
        'POST',
        `/api/review-assignments/${assignment.id}/transitions/submit`,
        reviewer.token,
        {
          version,
          review: fullReview,
        },
      );
      expect(submitted.json()).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    }
    expect((await transitions()).find((t) => t.name === 'accept')).toMatchObject({ enabled: true });
    // Two editors decide from the same page at once: one decision stands, the other is told.
    const secondEditor = (await api.signUp({ roles: ['editor'] })).token;
    const seen = await practiceVersion();
    const [accepted, revisions] = await Promise.all([
      call('POST', `/api/practices/${practice.id}/transitions/accept`, editor, {
        version: seen,
        comment: 'Three positive reviews.',
      }),
      call('POST', `/api/practices/${practice.id}/transitions/request_revisions`, secondEditor, {
        version: seen,
        comment: 'The figures need a source.',
      }),
    ]);
    expect([accepted.statusCode, revisions.statusCode].sort()).toEqual([200, 409]);
    const winner = accepted.statusCode === 200 ? 'accepted' : 'revisions_requested';
    expect((await call('GET', `/api/practices/${practice.id}`, editor)).json().status).toBe(winner);
    const events = (await call('GET', `/api/practices/${practice.id}/events`, editor)).json().items;
    expect(
      events.filter((e: { transition: string }) => ['accept', 'request_revisions'].includes(e.transition)),
    ).toHaveLength(1);
  });
});

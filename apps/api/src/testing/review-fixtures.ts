import { expect } from 'vitest';
import { completePracticeContent } from './practice-content';
import { bearer, type TestApi } from './test-api';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Scenario helpers for peer-review tests, all through the HTTP API. */
export function reviewFixtures(api: TestApi, admin: string) {
  const call = (method: Method, url: string, token?: string, payload?: object) =>
    api.request({ method, url, payload, headers: token ? bearer(token) : {} });

  /** An organisation created by `token`'s user (its focal point) and verified by the admin. */
  const organisation = async (
    token: string,
    name: string,
    kind: string,
    country: string | null,
  ): Promise<{ id: string }> => {
    const created = await call('POST', '/api/organisations', token, { name, kind, country });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    const verified = await call('POST', `/api/organisations/${org.id}/verify`, admin, {
      version: org.version,
    });
    expect(verified.statusCode).toBe(200);
    return org;
  };

  /** A reviewer on the roster, member of a verified organisation, with an expertise profile. */
  const reviewer = async (
    org: { name: string; kind: string; country: string | null },
    profile: { themes?: string[]; languages?: string[]; countries?: string[] } = {},
  ) => {
    const account = await api.signUp({ roles: ['reviewer'], name: `${org.name} reviewer` });
    const organisation_ = await organisation(account.token, org.name, org.kind, org.country);
    const saved = await call('PUT', '/api/me/reviewer-profile', account.token, profile);
    expect(saved.statusCode).toBe(200);
    return { token: account.token, id: account.user.id, name: account.user.name, org: organisation_ };
  };

  const practice = async (id: string, token: string) =>
    (await call('GET', `/api/practices/${id}`, token)).json();

  const fire = async (id: string, transition: string, token: string, comment?: string) => {
    const { version } = await practice(id, token);
    return call('POST', `/api/practices/${id}/transitions/${transition}`, token, {
      version,
      ...(comment ? { comment } : {}),
    });
  };

  /** A complete practice of the organisation, submitted and taken into screening by the editor. */
  const practiceInScreening = async (
    author: string,
    organisationId: string,
    editor: string,
    content: object = completePracticeContent,
  ): Promise<string> => {
    const draft = await call('POST', '/api/practices', author, { organisationId, content });
    expect(draft.statusCode).toBe(201);
    const { id } = draft.json();
    expect((await fire(id, 'submit', author)).statusCode).toBe(200);
    expect((await fire(id, 'start_screening', editor)).statusCode).toBe(200);
    return id;
  };

  const invite = async (practiceId: string, reviewerId: string, editor: string) => {
    const invited = await call('POST', `/api/practices/${practiceId}/review-assignments`, editor, {
      reviewerId,
    });
    expect(invited.statusCode).toBe(201);
    return invited.json();
  };

  /** The reviewer accepts their invitation for the practice and submits the review. */
  const review = async (
    practiceId: string,
    token: string,
    review: { recommendation: string; commentsToAuthors: string; confidentialComments?: string },
  ) => {
    const mine = (await call('GET', '/api/review-assignments', token)).json().items as {
      id: string;
      practiceId: string;
      status: string;
      version: number;
    }[];
    const assignment = mine.find((a) => a.practiceId === practiceId && a.status !== 'submitted');
    if (!assignment) throw new Error('no open assignment');
    let version = assignment.version;
    if (assignment.status === 'invited') {
      const accepted = await call(
        'POST',
        `/api/review-assignments/${assignment.id}/transitions/accept`,
        token,
        {
          version,
          conflictDeclaration: 'none',
        },
      );
      expect(accepted.statusCode).toBe(200);
      version = accepted.json().version;
    }
    const submitted = await call(
      'POST',
      `/api/review-assignments/${assignment.id}/transitions/submit`,
      token,
      {
        version,
        review: { scores: fullScores, ...review },
      },
    );
    expect(submitted.statusCode).toBe(200);
    return submitted.json();
  };

  return { call, organisation, reviewer, practice, fire, practiceInScreening, invite, review };
}

export const fullScores = {
  relevance: 5,
  evidence: 4,
  genderResponsiveness: 5,
  rightsBased: 5,
  partnership: 3,
  sustainability: 4,
  replicability: 4,
};

/** A policy that lets one reviewer form a panel, so scenarios stay short. */
export const onePersonPanel = {
  reviewersRequired: 1,
  requireUnEntityReviewer: false,
  blindMode: 'single',
  invitationWindowDays: 7,
  reviewDueDays: 21,
  remindBeforeDueDays: 3,
  remindOnDue: true,
  remindAfterDueDays: 3,
  escalateAfterOverdueDays: 7,
  inviteBackupReviewer: true,
  extraReviewerOnDisagreement: true,
};

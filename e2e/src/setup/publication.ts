import { randomBytes } from 'node:crypto';
import { completeReview as review } from '@pathways/contracts/testing';
import { inject } from 'vitest';
import { demoLogin } from './logins';

/** The API as a person would call it, with a bearer token; anything but 2xx throws with the answer. */
export async function apiCall<T = Record<string, unknown>>(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${inject('apiUrl')}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      // Sign-ups from the specs count against their own address, not everyone's.
      'x-forwarded-for': '198.51.100.77',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function tokenOf(role: string): Promise<string> {
  const { email, password } = demoLogin(role);
  return (await apiCall<{ token: string }>('POST', '/api/auth/login', null, { email, password })).token;
}

export interface Author {
  email: string;
  password: string;
  token: string;
  organisationId: string;
}

/**
 * A new partner account with a verified organisation of its own (by default a Nepali collective),
 * to author practices or join pilots.
 */
export async function newAuthor(
  organisation: { name: string; kind: string; country: string | null } = {
    name: `Kababaihan Collective ${randomBytes(3).toString('hex')}`,
    kind: 'civil_society',
    country: 'NP',
  },
): Promise<Author> {
  const suffix = randomBytes(3).toString('hex');
  const email = `publisher-${suffix}@library.example`;
  const password = `library-${suffix}-secret`;
  const { token } = await apiCall<{ token: string }>('POST', '/api/auth/register', null, {
    email,
    password,
    name: `Publisher ${suffix}`,
  });
  const admin = await tokenOf('admin');
  const org = await apiCall<{ id: string; version: number }>(
    'POST',
    '/api/organisations',
    token,
    organisation,
  );
  await apiCall('POST', `/api/organisations/${org.id}/verify`, admin, { version: org.version });
  return { email, password, token, organisationId: org.id };
}

/** Fires a transition on a practice with the version it has now, and a rationale. */
export async function firePractice(id: string, token: string, transition: string): Promise<void> {
  const { version } = await apiCall<{ version: number }>('GET', `/api/practices/${id}`, token);
  await apiCall('POST', `/api/practices/${id}/transitions/${transition}`, token, {
    version,
    comment: `Rationale for ${transition}.`,
  });
}

/**
 * Takes a submitted practice (a first round or a revision) through screening, review by three demo
 * reviewers (one from a UN entity), acceptance and publication, as the demo editor would.
 */
export async function reviewAndPublish(id: string): Promise<void> {
  const editor = await tokenOf('editor');
  const fire = (token: string, transition: string) => firePractice(id, token, transition);
  await fire(editor, 'start_screening');
  const reviewers = ['reviewer1', 'reviewer3', 'reviewer4'];
  const ids = await Promise.all(
    reviewers.map(
      async (role) =>
        (await apiCall<{ user: { id: string } }>('GET', '/api/me', await tokenOf(role))).user.id,
    ),
  );
  const invitations = [];
  for (const reviewerId of ids) {
    invitations.push(
      await apiCall<{ id: string; version: number }>(
        'POST',
        `/api/practices/${id}/review-assignments`,
        editor,
        {
          reviewerId,
        },
      ),
    );
  }
  await fire(editor, 'send_to_review');
  for (const [index, role] of reviewers.entries()) {
    const token = await tokenOf(role);
    const invitation = invitations[index]!;
    const accepted = await apiCall<{ version: number }>(
      'POST',
      `/api/review-assignments/${invitation.id}/transitions/accept`,
      token,
      { version: invitation.version, conflictDeclaration: 'none' },
    );
    await apiCall('POST', `/api/review-assignments/${invitation.id}/transitions/submit`, token, {
      version: accepted.version,
      review,
    });
  }
  await fire(editor, 'accept');
  await fire(editor, 'publish');
}

/** Publishes a practice of `author` (a new one by default) through the whole workflow by API. */
export async function publishPracticeBy(
  content: Record<string, unknown>,
  author?: Author,
): Promise<{ id: string; author: Author }> {
  const by = author ?? (await newAuthor());
  const { id } = await apiCall<{ id: string }>('POST', '/api/practices', by.token, {
    organisationId: by.organisationId,
    content,
  });
  await firePractice(id, by.token, 'submit');
  await reviewAndPublish(id);
  return { id, author: by };
}

/**
 * Publishes a practice through the whole workflow by API, as its author, the demo editor and three
 * demo reviewers (one from a UN entity) would: for specs about what the public sees.
 */
export async function publishPractice(content: Record<string, unknown>): Promise<string> {
  return (await publishPracticeBy(content)).id;
}

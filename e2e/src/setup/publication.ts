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

/**
 * Publishes a practice through the whole workflow by API, as its author, the demo editor and three
 * demo reviewers (one from a UN entity) would: for specs about what the public sees.
 */
export async function publishPractice(content: Record<string, unknown>): Promise<string> {
  const suffix = randomBytes(3).toString('hex');
  const email = `publisher-${suffix}@library.example`;
  const password = `library-${suffix}-secret`;
  const { token: author } = await apiCall<{ token: string }>('POST', '/api/auth/register', null, {
    email,
    password,
    name: `Publisher ${suffix}`,
  });
  const [admin, editor] = [await tokenOf('admin'), await tokenOf('editor')];
  const org = await apiCall<{ id: string; version: number }>('POST', '/api/organisations', author, {
    name: `Kababaihan Collective ${suffix}`,
    kind: 'civil_society',
    country: 'NP',
  });
  await apiCall('POST', `/api/organisations/${org.id}/verify`, admin, { version: org.version });
  const { id } = await apiCall<{ id: string }>('POST', '/api/practices', author, {
    organisationId: org.id,
    content,
  });
  const fire = async (token: string, transition: string) => {
    const { version } = await apiCall<{ version: number }>('GET', `/api/practices/${id}`, token);
    await apiCall('POST', `/api/practices/${id}/transitions/${transition}`, token, {
      version,
      comment: `Rationale for ${transition}.`,
    });
  };
  await fire(author, 'submit');
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
  return id;
}

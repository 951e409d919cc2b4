import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '@pathways/contracts';
import { ApiFailure } from './api-failure';
import { actionFailure, loadFailure } from './failures';

const failure = (status: number, body: Partial<ApiError>, retryAfter: number | null = null) =>
  new ApiFailure(
    status,
    { statusCode: status, code: 'INTERNAL', message: 'from the API', requestId: 'req-1', ...body },
    retryAfter,
  );

describe('actionFailure', () => {
  it('puts field issues next to their fields, translated when the form knows the field', () => {
    const result = actionFailure(
      failure(400, {
        code: 'VALIDATION_FAILED',
        issues: [
          { path: 'password', message: 'too short' },
          { path: 'nickname', message: 'API wording' },
        ],
      }),
      { values: { email: 'a@b.org' }, fields: { password: () => 'translated password message' } },
    );
    expect(result.status).toBe(400);
    expect(result.data).toEqual({
      values: { email: 'a@b.org' },
      errors: { password: 'translated password message', nickname: 'API wording' },
      message: null,
      code: 'VALIDATION_FAILED',
    });
  });

  it('explains a failure without field issues in the summary, in the current language', () => {
    const result = actionFailure(failure(401, { code: 'INVALID_CREDENTIALS' }));
    expect(result.status).toBe(401);
    expect(result.data.message).toBe('The e-mail address or password is not correct.');
    expect(result.data.errors).toEqual({});
  });

  it('says how long to wait when rate limited', () => {
    const result = actionFailure(failure(429, { code: 'RATE_LIMITED' }, 300));
    expect(result.data.message).toBe('Too many attempts. Try again in 5 minutes.');
  });

  it('attaches a code to a field when the form says which field it concerns', () => {
    const result = actionFailure(failure(409, { code: 'DUPLICATE' }), {
      codes: { DUPLICATE: () => 'e-mail taken' },
      codeFields: { DUPLICATE: 'email' },
      target: 'row-1',
    });
    expect(result.status).toBe(409);
    expect(result.data).toMatchObject({ errors: { email: 'e-mail taken' }, message: null, target: 'row-1' });
  });

  it('turns server-side failures into a 400 for the form, with the generic message', () => {
    const result = actionFailure(failure(503, { code: 'SERVICE_UNAVAILABLE' }));
    expect(result.status).toBe(400);
    expect(result.data.message).toMatch(/not available/);
  });

  it('rethrows anything that is not an API failure', () => {
    const bug = new TypeError('bug');
    expect(() => actionFailure(bug)).toThrow(bug);
  });
});

describe('loadFailure', () => {
  it('turns a 404 into the not-found page, keeping the request id', () => {
    try {
      loadFailure(failure(404, { code: 'NOT_FOUND' }));
      expect.unreachable();
    } catch (thrown) {
      expect(isHttpError(thrown, 404)).toBe(true);
      if (isHttpError(thrown)) expect(thrown.body.requestId).toBe('req-1');
    }
  });

  it('keeps the status of other API failures', () => {
    try {
      loadFailure(failure(403, { code: 'FORBIDDEN' }));
      expect.unreachable();
    } catch (thrown) {
      expect(isHttpError(thrown, 403)).toBe(true);
    }
  });
});

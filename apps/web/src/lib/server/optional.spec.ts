import { describe, expect, it } from 'vitest';
import { ApiFailure } from './api-failure';
import { issuesWithout, unlessMissing } from './optional';

const failure = (status: number) =>
  new ApiFailure(status, { statusCode: status, code: 'NOT_FOUND', message: 'x', requestId: 'r' });

describe('unlessMissing', () => {
  it('leaves out a part the API does not have or does not show (404, 403)', async () => {
    await expect(unlessMissing(Promise.reject(failure(404)))).resolves.toBeNull();
    await expect(unlessMissing(Promise.reject(failure(403)))).resolves.toBeNull();
    await expect(unlessMissing(Promise.resolve({ items: [] }))).resolves.toEqual({ items: [] });
  });

  it('still fails the page on any other failure', async () => {
    await expect(unlessMissing(Promise.reject(failure(503)))).rejects.toBeInstanceOf(ApiFailure);
    await expect(unlessMissing(Promise.reject(new TypeError('bug')))).rejects.toBeInstanceOf(TypeError);
  });
});

describe('issuesWithout', () => {
  it('moves issues from under the prefix and leaves the others', () => {
    const cause = new ApiFailure(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'x',
      issues: [
        { path: 'review.recommendation', message: 'a' },
        { path: 'version', message: 'b' },
      ],
      requestId: 'r',
    });
    const moved = issuesWithout(cause, 'review.') as ApiFailure;
    expect(moved.body.issues?.map((i) => i.path)).toEqual(['recommendation', 'version']);
    expect(moved.status).toBe(400);
    expect(issuesWithout('not a failure', 'review.')).toBe('not a failure');
  });
});

import { ApiFailure } from './api-failure';

/**
 * A part of a page it can do without: when the API answers 404 (the record, or a route an older
 * API does not have yet) or 403, the part is left out instead of breaking the whole page.
 */
export async function unlessMissing<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (cause) {
    if (cause instanceof ApiFailure && (cause.status === 404 || cause.status === 403)) return null;
    throw cause;
  }
}

/** The same failure with its field issues moved from under `prefix` (e.g. "review.") to the form's names. */
export function issuesWithout(cause: unknown, prefix: string): unknown {
  if (!(cause instanceof ApiFailure) || !cause.body.issues) return cause;
  const issues = cause.body.issues.map((issue) => ({
    ...issue,
    path: issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path,
  }));
  return new ApiFailure(cause.status, { ...cause.body, issues }, cause.retryAfter);
}

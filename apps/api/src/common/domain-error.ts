import type { ErrorCode, FieldIssue } from '@pathways/contracts';

/** A failure the caller can act on; the exception filter turns it into the API's error shape. */
export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'record') => new DomainError(404, 'NOT_FOUND', `No such ${what}.`);
export const forbidden = (message = 'You are not allowed to do this.') =>
  new DomainError(403, 'FORBIDDEN', message);
export const unauthenticated = (message = 'Log in to continue.') =>
  new DomainError(401, 'UNAUTHENTICATED', message);
export const conflict = (code: ErrorCode, message: string) => new DomainError(409, code, message);
export const staleVersion = (what: string) =>
  conflict('STALE_VERSION', `This ${what} was changed by someone else. Reload it and try again.`);
export const fieldError = (path: string, message: string) =>
  new DomainError(400, 'VALIDATION_FAILED', message, [{ path, message }]);

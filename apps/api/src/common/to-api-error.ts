import { HttpException } from '@nestjs/common';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ApiError, ErrorCode, FieldIssue } from '@pathways/contracts';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { DomainError } from './domain-error';

export interface ErrorReply {
  body: ApiError;
  headers?: Record<string, string>;
  /** Unexpected failures are logged with the request id; the reply hides their detail. */
  unexpected?: boolean;
}

const codeByStatus: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

export const zodIssues = (error: ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));

const reply = (
  statusCode: number,
  code: ErrorCode,
  message: string,
  requestId: string,
  issues?: FieldIssue[],
) => ({
  body: { statusCode, code, message, ...(issues ? { issues } : {}), requestId },
});

/** One mapping from anything thrown to the API's single error shape. */
export function toApiError(exception: unknown, requestId: string): ErrorReply {
  if (exception instanceof DomainError) {
    return {
      ...reply(exception.statusCode, exception.code, exception.message, requestId, exception.issues),
      headers: exception.headers,
    };
  }
  if (exception instanceof ZodValidationException) {
    const error = exception.getZodError();
    const issues = error instanceof ZodError ? zodIssues(error) : [];
    const fields = issues.map((i) => i.path).join(', ');
    return reply(400, 'VALIDATION_FAILED', `Check these fields: ${fields}.`, requestId, issues);
  }
  if (exception instanceof OptimisticLockError) {
    return reply(
      409,
      'STALE_VERSION',
      'This record was changed by someone else. Reload it and try again.',
      requestId,
    );
  }
  if (exception instanceof UniqueConstraintViolationException) {
    return reply(409, 'DUPLICATE', 'This already exists.', requestId);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status < 500) {
      const message = status === 404 ? 'No such route.' : exception.message;
      return reply(status, codeByStatus[status] ?? 'BAD_REQUEST', message, requestId);
    }
  }
  // Fastify's own errors (body parsing, size limits) carry a 4xx statusCode.
  const status = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message =
      status === 413
        ? 'The request body is too large.'
        : status === 415
          ? 'Send the body as application/json.'
          : ((exception as Error).message ?? 'Bad request.');
    return reply(status, codeByStatus[status] ?? 'BAD_REQUEST', message, requestId);
  }
  return {
    ...reply(
      500,
      'INTERNAL',
      'Something went wrong on our side. Quote the request id if you report it.',
      requestId,
    ),
    unexpected: true,
  };
}

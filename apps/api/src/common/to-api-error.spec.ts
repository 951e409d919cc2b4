import { NotFoundException } from '@nestjs/common';
import { OptimisticLockError } from '@mikro-orm/core';
import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error';
import { toApiError } from './to-api-error';

describe('toApiError', () => {
  it('keeps a domain error’s status, code, issues and headers', () => {
    const error = new DomainError(429, 'RATE_LIMITED', 'Slow down.', undefined, { 'Retry-After': '60' });
    expect(toApiError(error, 'r1')).toEqual({
      body: { statusCode: 429, code: 'RATE_LIMITED', message: 'Slow down.', requestId: 'r1' },
      headers: { 'Retry-After': '60' },
    });
  });

  it('names each invalid field', () => {
    const result = z.object({ email: z.email(), age: z.number() }).safeParse({ email: 'x', age: 'y' });
    const { body } = toApiError(new ZodValidationException(result.error!), 'r2');
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(body.issues?.map((i) => i.path)).toEqual(['email', 'age']);
  });

  it('turns a lost optimistic lock into 409 and unknown routes into 404', () => {
    expect(toApiError(OptimisticLockError.lockFailed('Organisation'), 'r3').body.code).toBe('STALE_VERSION');
    expect(toApiError(new NotFoundException(), 'r4').body).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
    });
  });

  it('maps Fastify’s 4xx errors and hides anything unexpected', () => {
    expect(toApiError(Object.assign(new Error('too big'), { statusCode: 413 }), 'r5').body.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    const unexpected = toApiError(new Error('connection string with secrets'), 'r6');
    expect(unexpected.unexpected).toBe(true);
    expect(unexpected.body.statusCode).toBe(500);
    expect(unexpected.body.message).not.toMatch(/secrets/);
  });
});

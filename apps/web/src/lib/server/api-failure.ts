import type { ApiError } from '@pathways/contracts';

/** An error answer from the API (or no answer at all), in the API's one error shape. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
    /** Seconds to wait, from Retry-After on 429 answers. */
    readonly retryAfter: number | null = null,
  ) {
    super(`${body.code}: ${body.message}`);
    this.name = 'ApiFailure';
  }

  get code() {
    return this.body.code;
  }
}

export const unreachable = (cause: unknown): ApiFailure => {
  const failure = new ApiFailure(503, {
    statusCode: 503,
    code: 'SERVICE_UNAVAILABLE',
    message: 'The API cannot be reached',
    requestId: '',
  });
  failure.cause = cause;
  return failure;
};

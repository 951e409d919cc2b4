import { error, fail } from '@sveltejs/kit';
import type { ErrorCode } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { ApiFailure } from './api-failure';

/** Translated messages for form fields, by field path; read lazily so they follow the request's locale. */
export type FieldMessages = Record<string, () => string>;
export type CodeMessages = Partial<Record<ErrorCode, () => string>>;

/** What a failed form action returns: the user's input (never passwords), and what went wrong. */
export interface FormFailure {
  values: Record<string, string>;
  /** Message per field path, shown next to the field. */
  errors: Record<string, string>;
  /** A message about the whole form, for the summary at the top. */
  message: string | null;
  code: ErrorCode | null;
  /** Which of several forms on a page failed, e.g. the id of the row. */
  target?: string;
}

const generic: Record<ErrorCode, (failure: ApiFailure) => string> = {
  VALIDATION_FAILED: () => m.error_validation(),
  BAD_REQUEST: () => m.error_validation(),
  UNAUTHENTICATED: () => m.error_unauthenticated(),
  INVALID_CREDENTIALS: () => m.error_invalid_credentials(),
  FORBIDDEN: () => m.error_forbidden(),
  NOT_FOUND: () => m.error_not_found(),
  CONFLICT: () => m.error_conflict(),
  DUPLICATE: () => m.error_conflict(),
  STALE_VERSION: () => m.error_stale_version(),
  INVALID_STATE: () => m.error_invalid_state(),
  TRANSITION_BLOCKED: () => m.error_transition_blocked(),
  LAST_ADMIN: () => m.error_last_admin(),
  PAYLOAD_TOO_LARGE: () => m.error_validation(),
  UNSUPPORTED_MEDIA_TYPE: () => m.error_unexpected(),
  RATE_LIMITED: (failure) =>
    m.error_rate_limited({ minutes: Math.max(1, Math.ceil((failure.retryAfter ?? 60) / 60)) }),
  SERVICE_UNAVAILABLE: () => m.error_unavailable(),
  INTERNAL: () => m.error_unexpected(),
};

/** A person-readable message for an API failure, in the current locale. */
export function messageFor(failure: ApiFailure, codes: CodeMessages = {}): string {
  return codes[failure.code]?.() ?? generic[failure.code](failure);
}

/**
 * Turns an API failure into the `fail()` a form action returns: field issues go next to their
 * fields (translated when the form knows the field), anything else to the summary.
 */
export function actionFailure(
  cause: unknown,
  options: {
    values?: Record<string, string>;
    fields?: FieldMessages;
    codes?: CodeMessages;
    /** Codes that concern one field, e.g. DUPLICATE → email on registration. */
    codeFields?: Partial<Record<ErrorCode, string>>;
    target?: string;
  } = {},
) {
  if (!(cause instanceof ApiFailure)) throw cause;
  const errors: Record<string, string> = {};
  for (const issue of cause.body.issues ?? []) {
    errors[issue.path] ??= options.fields?.[issue.path]?.() ?? issue.message;
  }
  const field = options.codeFields?.[cause.code];
  if (field) {
    errors[field] = messageFor(cause, options.codes);
    const failure: FormFailure = { values: options.values ?? {}, errors, message: null, code: cause.code };
    if (options.target) failure.target = options.target;
    return fail(cause.status, failure);
  }
  const hasFieldErrors = Object.keys(errors).length > 0;
  const failure: FormFailure = {
    values: options.values ?? {},
    errors,
    message: hasFieldErrors && !options.codes?.[cause.code] ? null : messageFor(cause, options.codes),
    code: cause.code,
    ...(options.target ? { target: options.target } : {}),
  };
  return fail(cause.status >= 400 && cause.status < 500 ? cause.status : 400, failure);
}

/** A failure the web found before asking the API (the same contracts, translated messages). */
export function invalidForm(
  errors: Record<string, string>,
  options: { values?: Record<string, string>; target?: string; message?: string } = {},
) {
  const failure: FormFailure = {
    values: options.values ?? {},
    errors,
    message: options.message ?? null,
    code: 'VALIDATION_FAILED',
    ...(options.target ? { target: options.target } : {}),
  };
  return fail(400, failure);
}

/** Turns an API failure met while loading a page into SvelteKit's error page. */
export function loadFailure(cause: unknown): never {
  if (!(cause instanceof ApiFailure)) throw cause;
  const status = cause.status >= 400 && cause.status < 600 ? cause.status : 500;
  error(status, { message: messageFor(cause), requestId: cause.body.requestId || undefined });
}

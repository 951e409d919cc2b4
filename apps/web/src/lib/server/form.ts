import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { FieldMessages } from './failures';

/** The named text fields of a form, trimmed; files and missing fields become ''. */
export function formValues<K extends string>(data: FormData, names: readonly K[]): Record<K, string> {
  const values = {} as Record<K, string>;
  for (const name of names) {
    const value = data.get(name);
    values[name] = typeof value === 'string' ? value.trim() : '';
  }
  return values;
}

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/**
 * Checks input against the same contract the API applies, so the user gets translated messages
 * next to each field without a round trip; the API still validates on its own.
 */
export function check<S extends z.ZodType>(
  schema: S,
  input: unknown,
  fields: FieldMessages,
): Checked<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || 'form';
    errors[path] ??= fields[path]?.() ?? m.field_invalid();
  }
  return { ok: false, errors };
}

/** Empty optional fields mean "none". */
export const orNull = (value: string): string | null => (value === '' ? null : value);

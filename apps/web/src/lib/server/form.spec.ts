import { describe, expect, it } from 'vitest';
import { RegisterInput } from '@pathways/contracts';
import { check, formValues } from './form';

describe('formValues', () => {
  it('reads the named fields, trimmed, and treats missing or file fields as empty', () => {
    const data = new FormData();
    data.set('name', '  Ana  ');
    data.set('file', new Blob(['x']));
    expect(formValues(data, ['name', 'email', 'file'])).toEqual({ name: 'Ana', email: '', file: '' });
  });
});

describe('check', () => {
  it('returns the parsed input when valid', () => {
    const result = check(
      RegisterInput,
      { name: 'Ana', email: 'ANA@Example.org', password: 'long enough password' },
      {},
    );
    expect(result).toEqual({
      ok: true,
      data: { name: 'Ana', email: 'ana@example.org', password: 'long enough password' },
    });
  });

  it('names each invalid field once, with the form’s own message or a generic one', () => {
    const result = check(
      RegisterInput,
      { name: '', email: 'not-an-email', password: 'short' },
      { password: () => 'at least 12' },
    );
    expect(result).toEqual({
      ok: false,
      errors: { name: 'Check this field.', email: 'Check this field.', password: 'at least 12' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { RegisterInput } from './auth';
import { CreateOrganisationInput } from './organisation';
import { PageQuery } from './pagination';
import { seedTaxonomy } from './taxonomy';

const issuePaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('RegisterInput', () => {
  it('normalises the e-mail and accepts a long enough password', () => {
    const parsed = RegisterInput.parse({
      email: '  Ana@Example.ORG ',
      name: ' Ana ',
      password: 'a'.repeat(12),
    });
    expect(parsed).toMatchObject({ email: 'ana@example.org', name: 'Ana' });
  });

  it('names the password when it is shorter than 12 characters', () => {
    const result = RegisterInput.safeParse({ email: 'ana@example.org', name: 'Ana', password: 'short' });
    expect(issuePaths(result)).toEqual(['password']);
    expect(result.error?.issues[0].message).toMatch(/at least 12/);
  });

  it('refuses unknown fields rather than ignoring them', () => {
    const result = RegisterInput.safeParse({
      email: 'a@b.org',
      name: 'A',
      password: 'a'.repeat(12),
      roles: ['admin'],
    });
    expect(result.success).toBe(false);
  });
});

describe('CreateOrganisationInput', () => {
  it('accepts an international body with no country', () => {
    expect(CreateOrganisationInput.parse({ name: 'UN Women', kind: 'un_entity' })).toMatchObject({
      country: null,
    });
  });

  it('upper-cases ISO codes and rejects unknown ones, naming the field', () => {
    expect(CreateOrganisationInput.parse({ name: 'DOLE', kind: 'government', country: 'ph' }).country).toBe(
      'PH',
    );
    expect(
      issuePaths(CreateOrganisationInput.safeParse({ name: 'X Y', kind: 'government', country: 'XX' })),
    ).toEqual(['country']);
  });

  it('accepts only http(s) websites and known kinds', () => {
    const result = CreateOrganisationInput.safeParse({
      name: 'NGO',
      kind: 'club',
      website: 'javascript:alert(1)',
    });
    expect(issuePaths(result).sort()).toEqual(['kind', 'website']);
  });
});

describe('PageQuery', () => {
  it('coerces query strings and bounds the page size', () => {
    expect(PageQuery.parse({ page: '2', pageSize: '50' })).toEqual({ page: 2, pageSize: 50 });
    expect(PageQuery.safeParse({ pageSize: '1000' }).success).toBe(false);
  });
});

describe('seedTaxonomy', () => {
  it('has unique codes per vocabulary and a label in every language', () => {
    const keys = seedTaxonomy.map((t) => `${t.vocabulary}:${t.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(seedTaxonomy.filter((t) => t.vocabulary === 'theme')).toHaveLength(17);
    for (const term of seedTaxonomy) expect(Object.values(term.label).every((l) => l.length > 0)).toBe(true);
  });
});

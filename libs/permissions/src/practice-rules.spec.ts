import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { defineAbilityFor } from './define-ability';
import { authorTransitions, editorTransitions } from './rules';
import { asSubject } from './subject';
import { accessibleFilter } from './to-filter';

const practice = (status: string, organisation = 'o1') =>
  asSubject('Practice', { id: 'p1', organisation, status });
const actor = (roles: Actor['roles'], organisationStatus: 'pending' | 'verified' = 'verified'): Actor => ({
  id: 'u1',
  roles,
  memberships: [{ organisationId: 'o1', role: 'member', status: 'active', organisationStatus }],
});
const stranger: Actor = { id: 'u2', roles: ['partner'], memberships: [] };

describe('practice rules', () => {
  it('lets members of a verified organisation create, read, edit and submit its practices only', () => {
    const member = defineAbilityFor(actor(['partner']));
    for (const action of ['create', 'read', 'update', ...authorTransitions] as const) {
      expect(member.can(action, practice('draft'))).toBe(true);
      expect(member.can(action, practice('draft', 'o2'))).toBe(false);
    }
    for (const transition of editorTransitions)
      expect(member.can(transition, practice('submitted'))).toBe(false);
  });

  it('gives nothing to members of an unverified organisation', () => {
    const member = defineAbilityFor(actor(['partner'], 'pending'));
    expect(member.can('create', practice('draft'))).toBe(false);
    expect(member.can('read', practice('draft'))).toBe(false);
    expect(member.can('submit', practice('draft'))).toBe(false);
  });

  it('lets editors read every practice but drafts, and fire the editorial transitions', () => {
    const editor = defineAbilityFor({ ...stranger, roles: ['editor'] });
    expect(editor.can('read', practice('draft'))).toBe(false);
    expect(editor.can('read', practice('submitted'))).toBe(true);
    for (const transition of editorTransitions)
      expect(editor.can(transition, practice('submitted'))).toBe(true);
    for (const transition of authorTransitions) expect(editor.can(transition, practice('draft'))).toBe(false);
    expect(editor.can('update', practice('submitted'))).toBe(false);
  });

  it('lets admins read all and the public read published practices only', () => {
    expect(defineAbilityFor({ ...stranger, roles: ['admin'] }).can('read', practice('draft'))).toBe(true);
    const visitor = defineAbilityFor(null);
    expect(visitor.can('read', practice('published'))).toBe(true);
    expect(visitor.can('read', practice('accepted'))).toBe(false);
    expect(defineAbilityFor(stranger).can('read', practice('in_review'))).toBe(false);
  });

  it('turns the read rules into SQL filters', () => {
    expect(accessibleFilter(defineAbilityFor(null), 'read', 'Practice')).toEqual({ status: 'published' });
    expect(
      accessibleFilter(defineAbilityFor({ ...stranger, roles: ['editor'] }), 'read', 'Practice'),
    ).toEqual({
      $or: [{ status: { $ne: 'draft' } }, { organisation: { $in: [] } }, { status: 'published' }],
    });
    expect(accessibleFilter(defineAbilityFor({ ...stranger, roles: ['admin'] }), 'read', 'Practice')).toEqual(
      {},
    );
  });
});

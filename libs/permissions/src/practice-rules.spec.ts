import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { defineAbilityFor } from './define-ability';
import { authorHiddenFrom } from './practice-fields';
import { authorTransitions, editorTransitions } from './rules';
import { asSubject } from './subject';
import { accessibleFilter } from './to-filter';

const practice = (status: string, organisation = 'o1') =>
  asSubject('Practice', { id: 'p1', organisation, status, publishedVersion: null });
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

  it('lets editors read a published practice while its authors draft a revision, to retract it', () => {
    const editor = defineAbilityFor({ ...stranger, roles: ['editor'] });
    const revising = asSubject('Practice', {
      id: 'p1',
      organisation: 'o1',
      status: 'draft',
      publishedVersion: 'v1',
    });
    expect(editor.can('read', revising)).toBe(true);
    expect(editor.can('retract', revising)).toBe(true);
    expect(defineAbilityFor(null).can('read', revising)).toBe(false);
    const member = defineAbilityFor(actor(['partner']));
    expect(member.can('revise', practice('published'))).toBe(true);
    expect(member.can('withdraw_revision', practice('draft'))).toBe(true);
    expect(defineAbilityFor(stranger).can('revise', practice('published'))).toBe(false);
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
      $or: [
        { publishedVersion: { $ne: null } },
        { status: { $ne: 'draft' } },
        { organisation: { $in: [] } },
        { status: 'published' },
      ],
    });
    expect(accessibleFilter(defineAbilityFor({ ...stranger, roles: ['admin'] }), 'read', 'Practice')).toEqual(
      {},
    );
  });
});

describe('double-blind review', () => {
  const reviewing = (doubleBlind: boolean, roles: Actor['roles'] = ['reviewer']): Actor => ({
    id: 'r1',
    roles,
    memberships: [],
    reviewing: ['p1'],
    doubleBlind,
  });
  const underReview = { id: 'p1', organisation: 'o1', status: 'in_review', publishedVersion: null };

  it('withholds the author from reviewers only when the policy is double-blind', () => {
    expect(authorHiddenFrom(defineAbilityFor(reviewing(false)), underReview)).toBe(false);
    const blind = defineAbilityFor(reviewing(true));
    expect(blind.can('read', asSubject('Practice', underReview))).toBe(true);
    expect(blind.can('read', asSubject('Practice', underReview), 'content')).toBe(true);
    expect(blind.can('read', asSubject('Practice', underReview), 'organisation')).toBe(false);
    expect(authorHiddenFrom(blind, underReview)).toBe(true);
  });

  it('shows the author to editors who review, to the authors, and to everyone once published', () => {
    expect(authorHiddenFrom(defineAbilityFor(reviewing(true, ['reviewer', 'editor'])), underReview)).toBe(
      false,
    );
    expect(authorHiddenFrom(defineAbilityFor(actor(['partner'])), underReview)).toBe(false);
    expect(authorHiddenFrom(defineAbilityFor(reviewing(true)), { ...underReview, status: 'published' })).toBe(
      false,
    );
  });
});

describe('reviews, reviewer profiles and the review policy', () => {
  const review = (organisation: string) => asSubject('Review', { practice: 'p1', organisation });

  it('lets the authors and editors read reviews, and not reviewers or strangers', () => {
    expect(defineAbilityFor(actor(['partner'])).can('read', review('o1'))).toBe(true);
    expect(defineAbilityFor(actor(['partner'])).can('read', review('o2'))).toBe(false);
    expect(defineAbilityFor({ ...stranger, roles: ['editor'] }).can('read', review('o2'))).toBe(true);
    expect(defineAbilityFor({ ...stranger, roles: ['reviewer'] }).can('read', review('o1'))).toBe(false);
    expect(defineAbilityFor(null).can('read', review('o1'))).toBe(false);
  });

  it('lets reviewers keep their own profile, admins every profile and the policy', () => {
    const reviewer = defineAbilityFor({ ...stranger, roles: ['reviewer'] });
    expect(reviewer.can('update', asSubject('ReviewerProfile', { user: 'u2' }))).toBe(true);
    expect(reviewer.can('update', asSubject('ReviewerProfile', { user: 'u3' }))).toBe(false);
    expect(defineAbilityFor(stranger).can('read', 'ReviewerProfile')).toBe(false);
    const admin = defineAbilityFor({ ...stranger, roles: ['admin'] });
    expect(admin.can('update', asSubject('ReviewerProfile', { user: 'u3' }))).toBe(true);
    expect(admin.can('update', 'ReviewPolicy')).toBe(true);
    const editor = defineAbilityFor({ ...stranger, roles: ['editor'] });
    expect(editor.can('read', 'ReviewPolicy')).toBe(true);
    expect(editor.can('update', 'ReviewPolicy')).toBe(false);
    expect(editor.can('read', 'EmailDelivery')).toBe(false);
    expect(editor.can('read', 'Queue')).toBe(false);
    expect(admin.can('read', 'Queue')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { abilityFromPacked, defineAbilityFor, packAbility } from './define-ability';
import { asSubject } from './subject';
import { accessibleFilter } from './to-filter';

const org = (id: string, status: string) =>
  asSubject('Organisation', { id, status, kind: 'government', country: 'PH' });
const partner = (memberships: Actor['memberships'] = []): Actor => ({
  id: 'u1',
  roles: ['partner'],
  memberships,
});
const focal = (organisationStatus: 'pending' | 'verified'): Actor =>
  partner([{ organisationId: 'o1', role: 'focal_point', status: 'active', organisationStatus }]);

describe('defineAbilityFor', () => {
  it('lets the public read verified organisations only', () => {
    const ability = defineAbilityFor(null);
    expect(ability.can('read', org('o1', 'verified'))).toBe(true);
    expect(ability.can('read', org('o1', 'pending'))).toBe(false);
    expect(ability.can('create', 'Organisation')).toBe(false);
  });

  it('lets members read their own pending organisation but not somebody else’s', () => {
    const ability = defineAbilityFor(focal('pending'));
    expect(ability.can('read', org('o1', 'pending'))).toBe(true);
    expect(ability.can('read', org('o2', 'pending'))).toBe(false);
  });

  it('freezes identity fields once an organisation is verified', () => {
    expect(defineAbilityFor(focal('pending')).can('update', org('o1', 'pending'), 'name')).toBe(true);
    const verified = defineAbilityFor(focal('verified'));
    expect(verified.can('update', org('o1', 'verified'), 'name')).toBe(false);
    expect(verified.can('update', org('o1', 'verified'), 'website')).toBe(true);
  });

  it('lets only members of verified organisations act for them', () => {
    expect(defineAbilityFor(focal('pending')).can('act_for', org('o1', 'pending'))).toBe(false);
    expect(defineAbilityFor(focal('verified')).can('act_for', org('o1', 'verified'))).toBe(true);
    expect(defineAbilityFor(focal('verified')).can('act_for', org('o2', 'verified'))).toBe(false);
  });

  it('lets focal points of verified organisations decide join requests, and hides e-mails from members', () => {
    const request = asSubject('Membership', {
      id: 'm9',
      organisation: 'o1',
      user: 'u9',
      status: 'pending',
      role: 'member',
    });
    expect(defineAbilityFor(focal('verified')).can('approve', request)).toBe(true);
    expect(defineAbilityFor(focal('pending')).can('approve', request)).toBe(false);
    const member = defineAbilityFor(
      partner([{ organisationId: 'o1', role: 'member', status: 'active', organisationStatus: 'verified' }]),
    );
    const colleague = asSubject('Membership', {
      id: 'm8',
      organisation: 'o1',
      user: 'u8',
      status: 'active',
      role: 'member',
    });
    expect(member.can('read', colleague, 'userName')).toBe(true);
    expect(member.can('read', colleague, 'userEmail')).toBe(false);
    expect(member.can('approve', colleague)).toBe(false);
  });

  it('gives admins verification and role management, and partners neither', () => {
    const admin = defineAbilityFor({ id: 'a', roles: ['partner', 'admin'], memberships: [] });
    expect(admin.can('verify', org('o1', 'pending'))).toBe(true);
    expect(admin.can('grant_role', 'User')).toBe(true);
    expect(defineAbilityFor(partner()).can('verify', 'Organisation')).toBe(false);
    expect(defineAbilityFor(partner()).can('grant_role', 'User')).toBe(false);
  });

  it('survives packing for the browser', () => {
    const browser = abilityFromPacked(packAbility(defineAbilityFor(focal('verified'))));
    expect(browser.can('update', org('o1', 'verified'), 'website')).toBe(true);
    expect(browser.can('update', org('o1', 'verified'), 'name')).toBe(false);
  });
});

describe('accessibleFilter', () => {
  it('turns rules into a database filter', () => {
    expect(accessibleFilter(defineAbilityFor(null), 'read', 'Organisation')).toEqual({ status: 'verified' });
    const admin = defineAbilityFor({ id: 'a', roles: ['admin'], memberships: [] });
    expect(accessibleFilter(admin, 'read', 'Organisation')).toEqual({});
    expect(accessibleFilter(defineAbilityFor(focal('pending')), 'read', 'Organisation')).toEqual({
      $or: expect.arrayContaining([{ status: 'verified' }, { id: { $in: ['o1'] } }]),
    });
  });

  it('answers null when nothing is allowed, so callers skip the query', () => {
    expect(accessibleFilter(defineAbilityFor(null), 'read', 'User')).toBeNull();
  });
});

describe('reviewers', () => {
  const reviewer: Actor = { id: 'r1', roles: ['partner', 'reviewer'], memberships: [], reviewing: ['p1'] };
  const assignment = (reviewerId: string) =>
    asSubject('ReviewAssignment', { id: 'a1', reviewer: reviewerId, practice: 'p1', status: 'invited' });

  it('answer only their own invitations and read only the practices they review', () => {
    const ability = defineAbilityFor(reviewer);
    expect(ability.can('accept', assignment('r1'))).toBe(true);
    expect(ability.can('accept', assignment('r2'))).toBe(false);
    expect(
      ability.can(
        'read',
        asSubject('Practice', { id: 'p1', organisation: 'o1', status: 'in_review', publishedVersion: null }),
      ),
    ).toBe(true);
    expect(
      ability.can(
        'read',
        asSubject('Practice', { id: 'p2', organisation: 'o1', status: 'in_review', publishedVersion: null }),
      ),
    ).toBe(false);
    expect(ability.can('create', 'ReviewAssignment')).toBe(false);
  });
});

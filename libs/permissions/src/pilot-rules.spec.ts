import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { defineAbilityFor } from './define-ability';
import { pilotLeadTransitions } from './rules';
import { asSubject } from './subject';

const pilot = (
  over: Partial<{ leadOrganisation: string; activatedAt: string | null; partners: string[] }> = {},
) =>
  asSubject('Pilot', {
    id: 'p1',
    leadOrganisation: over.leadOrganisation ?? 'lead',
    status: 'forming',
    activatedAt: over.activatedAt ?? null,
    partnerOrganisations: over.partners ?? ['ngo'],
  });
const invitation = (organisation = 'ngo') =>
  asSubject('PilotPartner', {
    id: 'i1',
    pilot: 'p1',
    organisation,
    leadOrganisation: 'lead',
    status: 'invited',
  });
const of = (
  organisationId: string,
  role: 'member' | 'focal_point',
  roles: Actor['roles'] = ['partner'],
): Actor => ({
  id: 'u1',
  roles,
  memberships: [{ organisationId, role, status: 'active', organisationStatus: 'verified' }],
});

describe('pilot rules', () => {
  it('shows the public a pilot only once it has been active', () => {
    const anyone = defineAbilityFor(null);
    expect(anyone.can('read', pilot())).toBe(false);
    expect(anyone.can('read', pilot({ activatedAt: '2026-01-01T00:00:00Z' }))).toBe(true);
  });

  it("lets only the lead's focal points edit, invite and move the pilot; its members follow it", () => {
    const focal = defineAbilityFor(of('lead', 'focal_point'));
    const member = defineAbilityFor(of('lead', 'member'));
    for (const action of ['update', 'invite', ...pilotLeadTransitions] as const) {
      expect(focal.can(action, pilot())).toBe(true);
      expect(member.can(action, pilot())).toBe(false);
      expect(focal.can(action, pilot({ leadOrganisation: 'other' }))).toBe(false);
    }
    expect(member.can('read', pilot())).toBe(true);
    expect(focal.can('close', pilot())).toBe(false);
    expect(focal.can('withdraw', invitation())).toBe(true);
    expect(focal.can('reinvite', invitation())).toBe(true);
    expect(member.can('reinvite', invitation())).toBe(false);
  });

  it("lets an invited organisation's focal points answer, and its members read, only their own invitation", () => {
    const focal = defineAbilityFor(of('ngo', 'focal_point'));
    const member = defineAbilityFor(of('ngo', 'member'));
    expect(focal.can('accept', invitation())).toBe(true);
    expect(focal.can('decline', invitation())).toBe(true);
    expect(focal.can('accept', invitation('un'))).toBe(false);
    expect(member.can('accept', invitation())).toBe(false);
    expect(member.can('read', pilot())).toBe(true);
    expect(member.can('read', pilot({ partners: ['un'] }))).toBe(false);
    expect(focal.can('withdraw', invitation())).toBe(false);
    expect(focal.can('reinvite', invitation())).toBe(false);
  });

  it('lets the members of an organisation write, and discard, only its own reports', () => {
    const report = (organisation: string) =>
      asSubject('PilotReport', { pilot: 'p1', organisation, leadOrganisation: 'lead' });
    const member = defineAbilityFor(of('ngo', 'member'));
    for (const action of ['create', 'update', 'delete'] as const) {
      expect(member.can(action, report('ngo'))).toBe(true);
      expect(member.can(action, report('un'))).toBe(false);
    }
    // The lead reads its partners' parts but does not change or discard them.
    const lead = defineAbilityFor(of('lead', 'focal_point'));
    expect(lead.can('read', report('ngo'))).toBe(true);
    expect(lead.can('delete', report('ngo'))).toBe(false);
    const editor = defineAbilityFor({ id: 'e', roles: ['editor'], memberships: [] });
    expect(editor.can('delete', report('ngo'))).toBe(false);
  });

  it('lets editors and admins read every pilot and close it', () => {
    for (const role of ['editor', 'admin'] as const) {
      const ability = defineAbilityFor({ id: 'e', roles: [role], memberships: [] });
      expect(ability.can('read', pilot())).toBe(true);
      expect(ability.can('close', pilot())).toBe(true);
      expect(ability.can('activate', pilot())).toBe(false);
    }
  });
});

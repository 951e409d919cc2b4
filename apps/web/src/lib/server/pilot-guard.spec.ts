import { describe, expect, it } from 'vitest';
import type { Pilot, PilotPartner } from '@pathways/contracts';
import { pilotActivationBlock } from '@pathways/workflow';
import { activationReasons, pilotTransitionViews } from './pilot-guard';

const at = '2026-01-01T00:00:00.000Z';
const organisation = (id: string, country: string | null) => ({
  id,
  name: `Organisation ${id}`,
  kind: 'government' as const,
  country,
});
const partner = (
  id: string,
  country: string | null,
  status: PilotPartner['status'],
  extra: Partial<PilotPartner> = {},
): PilotPartner => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  organisation: organisation(`00000000-0000-4000-8000-0000000000a${id}`, country),
  role: 'implementing',
  status,
  message: null,
  countries: [],
  invitedAt: at,
  expiresAt: null,
  respondedAt: null,
  version: 1,
  ...extra,
});

const pilot = (partners: PilotPartner[], content: Pilot['content'] = {}): Pilot => ({
  id: '00000000-0000-4000-8000-000000000100',
  slug: 'safe-corridors',
  status: 'forming',
  lead: organisation('00000000-0000-4000-8000-0000000000a0', 'PH'),
  content: {
    countries: [
      { code: 'PH', role: 'origin' },
      { code: 'MX', role: 'destination' },
    ],
    ...content,
  },
  partners: [partner('0', 'PH', 'accepted', { role: 'lead' }), ...partners],
  activatedAt: null,
  completedAt: null,
  closedReason: null,
  createdAt: at,
  updatedAt: at,
  version: 4,
});

describe('why a pilot cannot start, in words', () => {
  it('names the partners still missing and the side of the corridor no accepted partner covers', () => {
    const one = pilot([partner('1', null, 'accepted'), partner('2', 'MX', 'invited')]);
    expect(activationReasons(one, 'en')).toEqual([
      'At least 2 partner organisations besides the lead must accept; 1 have so far.',
      'No accepted partner is from or works in a country of destination (Mexico).',
    ]);
    expect(activationReasons(one, 'es')[1]).toContain('México');
  });

  it('counts the countries a partner declared on accepting, and agrees with the workflow guard', () => {
    const ready = pilot([
      partner('1', null, 'accepted', { countries: ['MX'] }),
      partner('2', 'US', 'accepted'),
    ]);
    expect(activationReasons(ready, 'en')).toEqual([]);
    expect(
      pilotActivationBlock({
        missingFields: [],
        invitationsSent: 2,
        acceptedPartners: 2,
        origins: ['PH'],
        destinations: ['MX'],
        partnerCountries: ['MX', 'PH', 'US'],
      }),
    ).toBeNull();
    expect(activationReasons(pilot([], { countries: [] }), 'en')).toEqual([
      'At least 2 partner organisations besides the lead must accept; 0 have so far.',
      'The corridor needs a country of origin.',
      'The corridor needs a country of destination.',
    ]);
  });

  it('gives each disabled button its reason, rebuilt in the page language where the web knows the rule', () => {
    const draft = pilot([], { title: 'Safe corridors' });
    const views = pilotTransitionViews(
      [
        { name: 'propose', enabled: false, reason: 'Complete the proposal first: summary.' },
        { name: 'start_forming', enabled: false, reason: 'Invite at least one partner organisation first.' },
        { name: 'activate', enabled: false, reason: 'English reason' },
        { name: 'withdraw', enabled: true },
        { name: 'complete', enabled: false, reason: 'Not in this state.' },
      ],
      draft,
      'fr',
    );
    expect(views.map((v) => [v.name, v.enabled])).toEqual([
      ['propose', false],
      ['start_forming', false],
      ['activate', false],
      ['withdraw', true],
      ['complete', false],
    ]);
    expect(views[0]?.reason).toMatch(/^Complétez d’abord ces champs : Résumé, Objectifs/);
    expect(views[1]?.reason).toBe('Invitez d’abord au moins une organisation partenaire.');
    expect(views[2]?.reason).toContain('Au moins 2 organisations partenaires');
    expect(views[3]?.reason).toBeNull();
    expect(views[4]?.reason).toBe('Not in this state.');
  });
});

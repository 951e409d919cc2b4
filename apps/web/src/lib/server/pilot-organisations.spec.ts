import type { Pilot } from '@pathways/contracts';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from './api';
import { invitableOrganisations } from './pilot-organisations';

const org = (n: number, name: string, kind = 'civil_society', country: string | null = 'PH') => ({
  id: `00000000-0000-4000-8000-0000000000a${n}`,
  name,
  kind,
  country,
});
const [lead, accepted, invited, declined, lapsed, withdrawn, fresh] = [
  'Ministry',
  'NGO',
  'UN Women',
  'Union',
  'Network',
  'Foundation',
  'Research centre',
].map((name, i) => org(i, name));

/** A stand-in for the API's organisation list that answers one page and records what was asked. */
function directory(items: object[], total = items.length) {
  const asked: unknown[] = [];
  const api = {
    get: async (_path: string, _schema: unknown, query: unknown) => {
      asked.push(query);
      return { items, total, page: 1, pageSize: 100 };
    },
  };
  return { api: api as unknown as ApiClient, asked };
}

const pilotWith = (partners: (readonly [object, string])[]) =>
  ({ partners: partners.map(([organisation, status]) => ({ organisation, status })) }) as unknown as Pilot;

describe('invitableOrganisations', () => {
  it('offers the organisations never invited, and invites again those whose invitation came to nothing', async () => {
    const { api } = directory([lead, accepted, invited, declined, lapsed, withdrawn, fresh]);
    const pilot = pilotWith([
      [lead, 'accepted'],
      [accepted, 'accepted'],
      [invited, 'invited'],
      [declined, 'declined'],
      [lapsed, 'expired'],
      [withdrawn, 'withdrawn'],
    ]);
    const { options, matched } = await invitableOrganisations(api, pilot);
    expect(options).toEqual([
      { value: declined.id, label: 'Union (invite again)', again: true },
      { value: lapsed.id, label: 'Network (invite again)', again: true },
      { value: withdrawn.id, label: 'Foundation (invite again)', again: true },
      { value: fresh.id, label: 'Research centre', again: false },
    ]);
    expect(matched).toBe(4);
  });

  it('asks the API for the verified organisations the search matches, the first 100 by name', async () => {
    const { api, asked } = directory([fresh]);
    await invitableOrganisations(api, pilotWith([[lead, 'accepted']]), {
      find: 'research',
      kind: 'research',
      country: 'MX',
    });
    expect(asked).toEqual([
      { status: 'verified', q: 'research', kind: 'research', country: 'MX', pageSize: 100 },
    ]);
  });

  it('counts the matches past the first page without those the lead may not invite', async () => {
    // 240 match; the page shows the lead and an invited partner, a partner accepted sorts past it,
    // and of the partners past it only those the search matches were counted by the API.
    const later = [org(7, 'Zeta union'), org(8, 'Zeta centre'), org(9, 'Zeta union', 'trade_union', 'MX')];
    const others = Array.from({ length: 98 }, (_, i) => ({ ...fresh, id: `other-${i}`, name: `Union ${i}` }));
    const page = [lead, invited, ...others];
    const { api } = directory(page, 240);
    const pilot = pilotWith([
      [lead, 'accepted'],
      [invited, 'invited'],
      [later[0]!, 'accepted'],
      [later[1]!, 'accepted'],
      [later[2]!, 'invited'],
      [declined, 'declined'],
    ]);
    const { options, matched } = await invitableOrganisations(api, pilot, {
      find: 'UNION',
      kind: 'civil_society',
      country: null,
    });
    expect(options).toHaveLength(98);
    expect(matched).toBe(240 - 3);
  });

  it('counts exactly what the API listed when every match is on the page', async () => {
    const { api } = directory([accepted, fresh]);
    const pilot = pilotWith([
      [lead, 'accepted'],
      [accepted, 'accepted'],
    ]);
    expect(await invitableOrganisations(api, pilot, { find: 'e', kind: null, country: null })).toMatchObject({
      matched: 1,
    });
  });
});

import type { Pilot } from '@pathways/contracts';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from './api';
import { invitableOrganisations } from './pilot-organisations';

const org = (n: number, name: string) => ({ id: `00000000-0000-4000-8000-0000000000a${n}`, name });
const [lead, accepted, invited, declined, lapsed, withdrawn, fresh] = [
  'Ministry',
  'NGO',
  'UN Women',
  'Union',
  'Network',
  'Foundation',
  'Research centre',
].map((name, i) => org(i, name));

describe('invitableOrganisations', () => {
  it('offers the organisations never invited, and invites again those whose invitation came to nothing', async () => {
    const api = {
      get: async () => ({ items: [lead, accepted, invited, declined, lapsed, withdrawn, fresh] }),
    };
    const partners = (
      [
        [lead, 'accepted'],
        [accepted, 'accepted'],
        [invited, 'invited'],
        [declined, 'declined'],
        [lapsed, 'expired'],
        [withdrawn, 'withdrawn'],
      ] as const
    ).map(([organisation, status]) => ({ organisation, status }));
    const options = await invitableOrganisations(
      api as unknown as ApiClient,
      { partners } as unknown as Pilot,
    );
    expect(options).toEqual([
      { value: declined.id, label: 'Union (invite again)', again: true },
      { value: lapsed.id, label: 'Network (invite again)', again: true },
      { value: withdrawn.id, label: 'Foundation (invite again)', again: true },
      { value: fresh.id, label: 'Research centre', again: false },
    ]);
  });
});

import type { Pilot } from '@pathways/contracts';
import { describe, expect, it } from 'vitest';
import {
  inviteAction,
  inviteCountries,
  inviteSearchFromUrl,
  isInviteSearch,
  noInviteSearch,
} from './pilot-invite-search';

const at = (search: string) => new URL(`http://web.test/pilots/p1${search}`);

describe('the pilot invite search', () => {
  it('reads the search from the address, trimmed and bounded, and leaves out what it does not know', () => {
    expect(inviteSearchFromUrl(at('?find=%20union%20&kind=trade_union&country=ph'))).toEqual({
      find: 'union',
      kind: 'trade_union',
      country: 'PH',
    });
    expect(inviteSearchFromUrl(at(`?find=${'x'.repeat(150)}&kind=club&country=ZZ`))).toEqual({
      find: 'x'.repeat(100),
      kind: null,
      country: null,
    });
    expect(inviteSearchFromUrl(at('?/invite&kind=&country='))).toEqual(noInviteSearch);
    expect(isInviteSearch(noInviteSearch)).toBe(false);
    expect(isInviteSearch({ ...noInviteSearch, country: 'MX' })).toBe(true);
  });

  it('keeps the search in the invite form’s action, so the page after it offers the next match', () => {
    expect(inviteAction(noInviteSearch)).toBe('?/invite#invite-title');
    const search = { find: 'Red & rose', kind: 'civil_society' as const, country: 'MX' };
    const action = inviteAction(search);
    expect(action).toBe('?/invite&find=Red+%26+rose&kind=civil_society&country=MX#invite-title');
    // The page answering the action reads the same search from its address.
    expect(inviteSearchFromUrl(at(action))).toEqual(search);
  });

  it('offers the corridor’s countries first, then every other', () => {
    const pilot = {
      content: {
        countries: [
          { code: 'PH', role: 'origin' },
          { code: 'MX', role: 'destination' },
        ],
      },
    } as unknown as Pilot;
    const { corridor, others } = inviteCountries(pilot, 'en');
    expect(corridor).toEqual([
      { value: 'MX', label: 'Mexico' },
      { value: 'PH', label: 'Philippines' },
    ]);
    expect(others.map((o) => o.value)).not.toContain('PH');
    expect(others.length + corridor.length).toBeGreaterThan(240);
    expect(inviteCountries({ content: {} } as unknown as Pilot, 'en').corridor).toEqual([]);
  });
});

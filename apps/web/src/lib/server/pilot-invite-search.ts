import { CountryCode, OrganisationKind, type Pilot } from '@pathways/contracts';
import type { Locale } from '$lib/paraglide/runtime';
import { countryOptions } from './countries';
import { searchParam } from './query';
import type { Option } from './taxonomy';

/**
 * What the lead looks for among the organisations to invite, from the pilot page's address
 * (`?find=&kind=&country=`), so the search works without JavaScript and survives an invitation.
 */
export interface InviteSearch {
  /** Part of the organisation's name. */
  find: string;
  kind: OrganisationKind | null;
  country: CountryCode | null;
}

export const noInviteSearch: InviteSearch = { find: '', kind: null, country: null };

/** Reads the search; a kind or country no option offers is left out rather than failing the page. */
export function inviteSearchFromUrl(url: URL): InviteSearch {
  const kind = OrganisationKind.safeParse(url.searchParams.get('kind')?.trim());
  const country = CountryCode.safeParse(url.searchParams.get('country') ?? '');
  return {
    find: searchParam(url, 'find'),
    kind: kind.success ? kind.data : null,
    country: country.success ? country.data : null,
  };
}

export const isInviteSearch = (search: InviteSearch): boolean =>
  !!(search.find || search.kind || search.country);

/**
 * Where the invite form posts: its action with the search, so the page answering it offers the same
 * choices (less the one just invited) and the lead invites the next match; the section scrolls in.
 */
export function inviteAction(search: InviteSearch): string {
  const params = new URLSearchParams();
  if (search.find) params.set('find', search.find);
  if (search.kind) params.set('kind', search.kind);
  if (search.country) params.set('country', search.country);
  const kept = params.toString();
  return `?/invite${kept ? `&${kept}` : ''}#invite-title`;
}

export interface InviteCountries {
  /** The corridor's countries, offered first: partners from origin and destination start a pilot. */
  corridor: Option[];
  others: Option[];
}

/** Every country to filter by, the pilot's own first, each list in the UI language's order. */
export function inviteCountries(pilot: Pilot, locale: Locale): InviteCountries {
  const corridor = new Set((pilot.content.countries ?? []).map((country) => country.code));
  const all = countryOptions(locale);
  return {
    corridor: all.filter((option) => corridor.has(option.value)),
    others: all.filter((option) => !corridor.has(option.value)),
  };
}

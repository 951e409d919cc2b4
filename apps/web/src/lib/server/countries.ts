import { countryCodes } from '@pathways/contracts';
import type { Locale } from '$lib/paraglide/runtime';
import type { Option } from './taxonomy';

/** Every ISO 3166-1 country, named and sorted in the UI language. */
export function countryOptions(locale: Locale): Option[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  return countryCodes()
    .map((code) => ({ value: code, label: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

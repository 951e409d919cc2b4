import type { FacetName, Vocabulary } from '@pathways/contracts';
import { countryName } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { ApiClient } from '$lib/server/api';
import { vocabularyOptions } from '$lib/server/taxonomy';

/** How the library names its facets and their values in the interface language. */

/** Facets whose values are taxonomy codes, and their vocabulary. */
const vocabularyOf: Partial<Record<FacetName, Vocabulary>> = {
  theme: 'theme',
  stage: 'stage',
  role: 'country_role',
  targetGroup: 'target_group',
  organisationKind: 'organisation_kind',
  framework: 'framework',
};

export const facetLegends: Record<FacetName, () => string> = {
  theme: m.library_facet_theme,
  stage: m.library_facet_stage,
  country: m.library_facet_country,
  region: m.library_facet_region,
  role: m.library_facet_role,
  targetGroup: m.library_facet_target_group,
  organisationKind: m.library_facet_organisation_kind,
  framework: m.library_facet_framework,
  year: m.library_facet_year,
};

export type Labeller = (value: string) => string;

/** A label in the UI language for every facet value: taxonomy terms, countries, regions, years. */
export async function labellers(api: ApiClient, locale: Locale): Promise<Record<FacetName, Labeller>> {
  // One call fills the taxonomy cache, so the others do not each ask the API.
  await vocabularyOptions(api, 'theme', locale);
  const entries = await Promise.all(
    Object.entries(vocabularyOf).map(async ([facet, vocabulary]) => {
      const options = await vocabularyOptions(api, vocabulary, locale);
      const labels = new Map(options.map((option) => [option.value, option.label]));
      return [facet, (value: string) => labels.get(value) ?? value] as const;
    }),
  );
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const regionName = (code: string) => {
    try {
      return regions.of(code) ?? code;
    } catch {
      return code;
    }
  };
  return {
    ...(Object.fromEntries(entries) as Record<FacetName, Labeller>),
    country: (code) => countryName(code, locale),
    region: regionName,
    year: (year) => year,
  };
}

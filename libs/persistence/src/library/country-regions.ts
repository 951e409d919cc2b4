import containment from 'cldr-core/supplemental/territoryContainment.json';

type Containment = Record<string, { _contains: string[]; _grouping?: string }>;

/**
 * UN M49 geographic regions (three-digit codes) containing each country, from CLDR's territory
 * containment: "PH" → ["035" South-eastern Asia, "142" Asia]. Groupings that are not geographic
 * regions (EU, UN, "Latin America" 419, …) and the world (001) are left out.
 */
function buildRegions(): Map<string, string[]> {
  const tree = containment.supplemental.territoryContainment as unknown as Containment;
  const parentOf = new Map<string, string>();
  for (const [region, { _contains, _grouping }] of Object.entries(tree)) {
    if (_grouping || !/^\d{3}$/.test(region) || region === '001') continue;
    for (const child of _contains) parentOf.set(child, region);
  }
  const regions = new Map<string, string[]>();
  for (const code of parentOf.keys()) {
    if (!/^[A-Z]{2}$/.test(code)) continue;
    const chain: string[] = [];
    for (let region = parentOf.get(code); region; region = parentOf.get(region)) chain.push(region);
    regions.set(code, chain);
  }
  return regions;
}

const regionsByCountry = buildRegions();

/** The M49 regions of some countries, each once, smallest first per country. */
export function regionsOf(countryCodes: readonly string[]): string[] {
  return [...new Set(countryCodes.flatMap((code) => regionsByCountry.get(code) ?? []))];
}

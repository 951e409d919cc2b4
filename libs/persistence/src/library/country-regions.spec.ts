import { describe, expect, it } from 'vitest';
import { regionsOf } from './country-regions';

describe('regionsOf', () => {
  it('climbs from a country to its sub-region and region', () => {
    expect(regionsOf(['PH'])).toEqual(['035', '142']);
    expect(regionsOf(['MX'])).toEqual(['013', '019']);
    expect(regionsOf(['LB'])).toEqual(['145', '142']);
  });

  it('keeps each region once across a corridor, and knows nothing of unknown codes', () => {
    expect(regionsOf(['PH', 'ID', 'AE'])).toEqual(['035', '142', '145']);
    expect(regionsOf(['XX'])).toEqual([]);
  });

  it('leaves out groupings that are not geographic regions', () => {
    const all = regionsOf(['FR', 'DE', 'US', 'BR']);
    expect(all).not.toContain('EU');
    expect(all).not.toContain('419');
    expect(all).not.toContain('001');
    expect(all).toEqual(expect.arrayContaining(['155', '150', '021', '019', '005']));
  });
});

import { describe, expect, it } from 'vitest';
import {
  organisationQueryFromUrl,
  pilotApiParams,
  pilotFilterSearch,
  pilotQueryFromUrl,
} from './registry-query';

describe('pilotQueryFromUrl', () => {
  it('reads repeated filters and leaves out, by name, what it does not understand', () => {
    const { query, ignored } = pilotQueryFromUrl(
      new URLSearchParams(
        'q=fees&theme=remittances-investment&theme=bogus&country=ph&status=draft&page=0&role=',
      ),
    );
    expect(query).toMatchObject({
      q: 'fees',
      theme: ['remittances-investment'],
      country: ['PH'],
      status: [],
      page: 1,
    });
    expect(ignored.sort()).toEqual(['page', 'status', 'theme']);
  });

  it('gives the API one parameter per value and exports the filters without the page', () => {
    const { query } = pilotQueryFromUrl(
      new URLSearchParams('reportingStatus=red&reportingStatus=yellow&page=3'),
    );
    expect(pilotApiParams(query)).toMatchObject({
      reportingStatus: ['red', 'yellow'],
      page: 3,
      pageSize: 20,
    });
    expect(pilotFilterSearch(query)).toBe('?reportingStatus=red&reportingStatus=yellow');
  });
});

describe('organisationQueryFromUrl', () => {
  it('reads kinds and countries', () => {
    const { query, ignored } = organisationQueryFromUrl(
      new URLSearchParams('kind=un_entity&kind=club&country=MX'),
    );
    expect(query).toMatchObject({ kind: ['un_entity'], country: ['MX'], page: 1 });
    expect(ignored).toEqual(['kind']);
  });
});

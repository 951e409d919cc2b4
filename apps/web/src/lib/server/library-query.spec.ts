import { describe, expect, it } from 'vitest';
import {
  apiParams,
  filterCount,
  libraryHref,
  queryFromUrl,
  statisticsHref,
  statisticsParams,
  withoutFilter,
  withoutFilters,
} from './library-query';

const read = (search: string) => queryFromUrl(new URLSearchParams(search));

describe('queryFromUrl', () => {
  it('gives the defaults for an empty address', () => {
    const { query, ignored } = read('');
    expect(query).toMatchObject({
      sort: 'relevance',
      page: 1,
      pageSize: 20,
      theme: [],
      country: [],
      year: [],
    });
    expect(query.q).toBeUndefined();
    expect(ignored).toEqual([]);
  });

  it('reads the words, repeated filters, language, sort and page', () => {
    const { query, ignored } = read(
      'q=+domestic+workers+&theme=remittances-investment&theme=care-economy&country=PH&country=AE&year=2024&role=origin&region=035&language=es&sort=newest&page=3',
    );
    expect(ignored).toEqual([]);
    expect(query).toMatchObject({
      q: 'domestic workers',
      country: ['PH', 'AE'],
      year: [2024],
      role: ['origin'],
      region: ['035'],
      language: 'es',
      sort: 'newest',
      page: 3,
    });
  });

  it('leaves out bad values, keeps the good ones next to them, and names what it left out', () => {
    const { query, ignored } = read(
      'country=PH&country=XX&year=twenty&year=2020&sort=best&page=0&role=origin',
    );
    expect(query.country).toEqual(['PH']);
    expect(query.year).toEqual([2020]);
    expect(query.sort).toBe('relevance');
    expect(query.page).toBe(1);
    expect(query.role).toEqual(['origin']);
    expect(ignored.sort()).toEqual(['country', 'page', 'sort', 'year']);
  });

  it('takes empty values (an untouched form field) as no value, and ignores unknown parameters', () => {
    const { query, ignored } = read('q=&language=&utm_source=newsletter&theme=');
    expect(query.q).toBeUndefined();
    expect(query.language).toBeUndefined();
    expect(query.theme).toEqual([]);
    expect(ignored).toEqual([]);
  });

  it('ignores words longer than the API accepts, and repeated values count once', () => {
    const { query, ignored } = read(`q=${'a'.repeat(201)}&country=PH&country=PH`);
    expect(query.q).toBeUndefined();
    expect(query.country).toEqual(['PH']);
    expect(ignored).toEqual(['q']);
  });

  it('keeps at most 20 values of a filter', () => {
    const years = Array.from({ length: 25 }, (_, i) => `year=${2000 + i}`).join('&');
    const { query, ignored } = read(years);
    expect(query.year).toHaveLength(20);
    expect(ignored).toEqual(['year']);
  });
});

describe('libraryHref', () => {
  it('is /library for the defaults', () => {
    expect(libraryHref(read('sort=relevance&page=1').query)).toBe('/library');
  });

  it('writes back what it read, in a fixed order, so the address reproduces the view', () => {
    const search =
      'year=2024&q=remesas&country=PH&theme=remittances-investment&sort=title&page=2&language=fr';
    const href = libraryHref(read(search).query);
    expect(href).toBe(
      '/library?q=remesas&theme=remittances-investment&country=PH&year=2024&language=fr&sort=title&page=2',
    );
    expect(read(href.split('?')[1] ?? '').query).toEqual(read(search).query);
  });
});

describe('filters', () => {
  const { query } = read(
    'q=remesas&theme=remittances-investment&country=PH&country=AE&language=es&sort=newest&page=4',
  );

  it('removes one filter value and goes back to the first page', () => {
    expect(libraryHref(withoutFilter(query, 'country', 'PH'))).toBe(
      '/library?q=remesas&theme=remittances-investment&country=AE&language=es&sort=newest',
    );
  });

  it('clears every filter but keeps the words and the sort', () => {
    expect(libraryHref(withoutFilters(query))).toBe('/library?q=remesas&sort=newest');
  });

  it('counts the filters, the language included', () => {
    expect(filterCount(query)).toBe(4);
    expect(filterCount(withoutFilters(query))).toBe(0);
  });
});

describe('apiParams', () => {
  it('repeats filter values and leaves out empty words', () => {
    const params = apiParams(read('country=PH&country=AE&year=2024').query);
    expect(params).toMatchObject({
      q: undefined,
      country: ['PH', 'AE'],
      year: [2024],
      sort: 'relevance',
      page: 1,
    });
  });
});

describe('statistics addresses', () => {
  it('keep the filters in the fixed order and leave out words, sort and page', () => {
    const { query } = read('year=2024&q=remesas&theme=care-economy&sort=title&page=3&country=PH');
    expect(statisticsHref(query)).toBe('/library/statistics?theme=care-economy&country=PH&year=2024');
    expect(statisticsHref(read('').query)).toBe('/library/statistics');
    expect(statisticsParams(query)).toMatchObject({ theme: ['care-economy'], country: ['PH'], year: [2024] });
    expect(statisticsParams(query)).not.toHaveProperty('q');
  });
});

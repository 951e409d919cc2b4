import { describe, expect, it } from 'vitest';
import { parseOaiArguments } from './oai-arguments';
import { encodeOaiToken } from './oai-token';

const parse = (query: string) => parseOaiArguments([...new URLSearchParams(query)]);
const codes = (query: string) => parse(query).errors.map((e) => e.code);
const after = { at: '2026-03-04T05:06:07.123456Z', id: '0b6f5d2e-8a51-4c3e-9d1f-2a7b3c4d5e6f' };

describe('OAI-PMH arguments', () => {
  it('takes each verb with its arguments', () => {
    expect(parse('verb=Identify')).toEqual({
      arguments: { verb: 'Identify' },
      request: { verb: 'Identify' },
      errors: [],
    });
    expect(parse('verb=ListMetadataFormats&identifier=oai:x.org:a').request).toEqual({
      verb: 'ListMetadataFormats',
      identifier: 'oai:x.org:a',
    });
    expect(parse('verb=GetRecord&identifier=oai:x.org:a&metadataPrefix=oai_dc').request).toEqual({
      verb: 'GetRecord',
      identifier: 'oai:x.org:a',
      metadataPrefix: 'oai_dc',
    });
    expect(
      parse('verb=ListRecords&metadataPrefix=oai_dc&set=theme:care-economy&from=2026-01-01&until=2026-01-31'),
    ).toEqual({
      arguments: {
        verb: 'ListRecords',
        metadataPrefix: 'oai_dc',
        set: 'theme:care-economy',
        from: '2026-01-01',
        until: '2026-01-31',
      },
      request: {
        verb: 'ListRecords',
        metadataPrefix: 'oai_dc',
        set: 'theme:care-economy',
        from: '2026-01-01',
        until: '2026-01-31',
        since: new Date('2026-01-01T00:00:00Z'),
        before: new Date('2026-02-01T00:00:00Z'),
        cursor: 0,
      },
      errors: [],
    });
  });

  it('answers badVerb for a missing, repeated or unknown verb, echoing nothing', () => {
    for (const query of [
      '',
      'metadataPrefix=oai_dc',
      'verb=Identify&verb=Identify',
      'verb=Foo',
      'verb=',
      'verb=identify',
    ]) {
      expect(parse(query), query).toMatchObject({ arguments: {}, errors: [{ code: 'badVerb' }] });
    }
  });

  it('answers badArgument for repeated, unknown, empty or missing arguments', () => {
    expect(parse('verb=Identify&set=x').errors).toEqual([
      { code: 'badArgument', message: 'Identify takes no argument set.' },
    ]);
    expect(codes('verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc')).toEqual(['badArgument']);
    expect(codes('verb=ListRecords&metadataPrefix=oai_dc&from=')).toEqual(['badArgument']);
    expect(parse('verb=ListIdentifiers').errors).toEqual([
      { code: 'badArgument', message: 'ListIdentifiers needs the argument metadataPrefix.' },
    ]);
    expect(codes('verb=GetRecord&metadataPrefix=oai_dc')).toEqual(['badArgument']);
    expect(codes('verb=GetRecord&identifier=oai:x.org:a')).toEqual(['badArgument']);
    expect(codes('verb=ListSets&colour=red&size=2')).toEqual(['badArgument', 'badArgument']);
    expect(parse('verb=ListSets&colour=red').arguments).toEqual({});
  });

  it('answers badArgument for malformed dates, mixed granularities and from after until', () => {
    const list = 'verb=ListIdentifiers&metadataPrefix=oai_dc';
    for (const dates of [
      'from=2026-02-30',
      'until=2026-01-01T10:00',
      'from=2026-01-01T10:00:00.5Z',
      'from=last-week',
    ])
      expect(codes(`${list}&${dates}`), dates).toEqual(['badArgument']);
    expect(parse(`${list}&from=2026-01-01&until=2026-01-02T00:00:00Z`).errors[0].message).toContain(
      'granularity',
    );
    expect(parse(`${list}&from=2026-01-02&until=2026-01-01`).errors[0].message).toBe(
      'from is later than until.',
    );
    expect(parse(`${list}&from=2026-01-01T10:00:00Z&until=2026-01-01T10:00:00Z`).request).toMatchObject({
      since: new Date('2026-01-01T10:00:00Z'),
      before: new Date('2026-01-01T10:00:01Z'),
    });
  });

  it('answers cannotDisseminateFormat for any format but oai_dc, echoing the arguments', () => {
    expect(parse('verb=ListRecords&metadataPrefix=marc21')).toMatchObject({
      arguments: { verb: 'ListRecords', metadataPrefix: 'marc21' },
      errors: [{ code: 'cannotDisseminateFormat' }],
    });
    expect(codes('verb=GetRecord&identifier=oai:x.org:a&metadataPrefix=oai_DC')).toEqual([
      'cannotDisseminateFormat',
    ]);
  });

  it('takes a resumption token alone, and resumes where it says', () => {
    const token = encodeOaiToken({
      verb: 'ListRecords',
      metadataPrefix: 'oai_dc',
      set: 'theme',
      from: '2026-01-01T00:00:00Z',
      after,
      cursor: 100,
      size: 250,
    });
    expect(parse(`verb=ListRecords&resumptionToken=${token}`).request).toEqual({
      verb: 'ListRecords',
      metadataPrefix: 'oai_dc',
      set: 'theme',
      from: '2026-01-01T00:00:00Z',
      until: undefined,
      since: new Date('2026-01-01T00:00:00Z'),
      before: undefined,
      after,
      cursor: 100,
      size: 250,
    });
    // An exclusive argument: anything else with it is an illegal argument (§3.5).
    expect(codes(`verb=ListRecords&resumptionToken=${token}&metadataPrefix=oai_dc`)).toEqual(['badArgument']);
  });

  it('answers badResumptionToken for a token not issued, or issued for another verb', () => {
    const token = encodeOaiToken({
      verb: 'ListIdentifiers',
      metadataPrefix: 'oai_dc',
      after,
      cursor: 100,
      size: 250,
    });
    expect(parse(`verb=ListRecords&resumptionToken=${token}`)).toMatchObject({
      arguments: { verb: 'ListRecords', resumptionToken: token },
      errors: [{ code: 'badResumptionToken' }],
    });
    expect(codes('verb=ListIdentifiers&resumptionToken=abc')).toEqual(['badResumptionToken']);
    expect(codes(`verb=ListSets&resumptionToken=${token}`)).toEqual(['badResumptionToken']);
  });
});

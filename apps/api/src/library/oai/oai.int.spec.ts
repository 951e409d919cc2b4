import { randomBytes } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PracticeContent } from '@pathways/contracts';
import {
  Organisation,
  Practice,
  PracticeVersion,
  readLibraryGeneration,
  refreshLibraryEntry,
} from '@pathways/persistence';
import { appendPublicationLog } from '@pathways/persistence/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../../testing/practice-content';
import { startTestApi, type TestApi } from '../../testing/test-api';
import { childrenNamed, childText, parseXml, type XmlElement } from '../../testing/xml-tree';
import { oaiPageSize } from './oai.service';

const oaiNamespace = 'http://www.openarchives.org/OAI/2.0/';
const webUrl = 'https://library.example.org';
const host = 'library.example.org';

const child = (element: XmlElement, name: string) => {
  const [found, ...more] = childrenNamed(element, name);
  if (!found || more.length) throw new Error(`Expected one <${name}> in <${element.name}>`);
  return found;
};

describe('OAI-PMH repository', () => {
  let api: TestApi;
  let em: EntityManager;
  let ngo: Organisation;
  /** Slugs by what they are for. */
  const slugs = { care: [] as string[], domestic: [] as string[] } as {
    care: string[];
    domestic: string[];
    quoted: string;
    retracted: string;
    early: string;
    late: string;
  };
  const quotedTitle = 'Fees, "hidden" costs & <b>bold</b> claims';

  const publish = async (content: PracticeContent, status: Practice['status'] = 'published') => {
    const practice = em.create(Practice, {
      slug: `p-${randomBytes(5).toString('hex')}`,
      organisation: ngo,
      status,
    });
    await em.flush();
    practice.currentVersion = ref(em.create(PracticeVersion, { practice, number: 1, content }));
    await em.flush();
    await appendPublicationLog(em, practice.id, status);
    await refreshLibraryEntry(em.fork(), practice.id);
    return practice.slug;
  };
  const setRefreshed = (slug: string, at: string) =>
    em.execute(`update library_practice set refreshed_at = ? where slug = ?`, [at, slug]);

  /** One OAI-PMH request by GET, checked for what every response must be. */
  const oai = async (query: string) => {
    const response = await api.request({ method: 'GET', url: `/api/oai?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
    const root = parseXml(response.body);
    expect(root.name).toBe('OAI-PMH');
    expect(root.attributes).toEqual({
      xmlns: oaiNamespace,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${oaiNamespace} ${oaiNamespace}OAI-PMH.xsd`,
    });
    expect(childText(root, 'responseDate')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(child(root, 'request').text).toBe(`${webUrl}/oai`);
    return { root, response, request: child(root, 'request').attributes };
  };
  /** The error codes of a response, checking its request element echoes what the protocol allows. */
  const errorsOf = async (query: string) => {
    const { root, request } = await oai(query);
    const errors = childrenNamed(root, 'error');
    expect(root.children.map((c) => c.name)).toEqual([
      'responseDate',
      'request',
      ...errors.map(() => 'error'),
    ]);
    for (const e of errors) expect(e.text.length).toBeGreaterThan(0);
    return { codes: errors.map((e) => e.attributes.code), request };
  };

  const headerOf = (element: XmlElement) => {
    const header = element.name === 'header' ? element : child(element, 'header');
    return {
      identifier: childText(header, 'identifier'),
      datestamp: childText(header, 'datestamp'),
      deleted: header.attributes.status === 'deleted',
      sets: childrenNamed(header, 'setSpec').map((s) => s.text),
    };
  };

  /** Follows resumption tokens to the end; returns every item and each page's token element. */
  const harvest = async (
    verb: 'ListIdentifiers' | 'ListRecords',
    query: string,
    between?: () => Promise<void>,
  ) => {
    const items: XmlElement[] = [];
    const tokens: Record<string, string>[] = [];
    let next = `verb=${verb}&${query}`;
    for (let page = 0; page < 50; page++) {
      const { root } = await oai(next);
      const list = child(root, verb);
      items.push(...childrenNamed(list, verb === 'ListRecords' ? 'record' : 'header'));
      const [token] = childrenNamed(list, 'resumptionToken');
      if (!token) return { items, tokens };
      tokens.push({ ...token.attributes, value: token.text });
      if (!token.text) return { items, tokens };
      if (page === 0) await between?.();
      next = `verb=${verb}&resumptionToken=${encodeURIComponent(token.text)}`;
    }
    throw new Error('The harvest did not end');
  };

  beforeAll(async () => {
    api = await startTestApi({
      PUBLIC_WEB_URL: `${webUrl}/`,
      OAI_ADMIN_EMAIL: 'oai-admin@library.example.org',
    });
    em = api.app.get(EntityManager).fork();
    ngo = em.create(Organisation, {
      name: 'Kanlungan Centre, "KCFI"',
      kind: 'civil_society',
      country: 'PH',
      status: 'verified',
    });
    await em.flush();
    const care = { ...completePracticeContent, themes: ['care-economy'] };
    // More than two pages of care practices, all refreshed in the same microsecond: pages must
    // break ties on the id.
    for (let n = 0; n < 2 * oaiPageSize + 30; n++)
      slugs.care.push(await publish({ ...care, title: `Care practice ${n}` }));
    for (let n = 0; n < 12; n++)
      slugs.domestic.push(
        await publish({
          ...completePracticeContent,
          themes: ['domestic-workers-rights', 'care-economy'],
          title: `Domestic ${n}`,
        }),
      );
    slugs.quoted = await publish({
      ...completePracticeContent,
      title: quotedTitle,
      summary: 'Line one,\r\nline "two" & three',
      themes: ['remittances-investment', 'care-economy'],
      countries: [
        { code: 'MX', role: 'origin' },
        { code: 'US', role: 'destination' },
        { code: 'MX', role: 'transit' },
      ],
      language: 'es',
      licence: 'CC0-1.0',
    });
    slugs.retracted = await publish({ ...care, title: 'Withdrawn care scheme' }, 'retracted');
    slugs.early = await publish({ ...care, title: 'Early' });
    slugs.late = await publish({ ...care, title: 'Late' });
    await em.execute(
      `update library_practice set refreshed_at = '2025-06-01T10:00:00.123456Z', published_at = '2025-05-31T09:00:00Z'`,
    );
    await setRefreshed(slugs.early, '2025-01-15T08:30:00.5Z');
    await setRefreshed(slugs.late, '2025-09-30T23:59:59.75Z');
    await setRefreshed(slugs.quoted, '2025-06-01T10:00:05Z');
    await setRefreshed(slugs.retracted, '2025-07-01T00:00:00Z');
    // An admin renamed a theme; sets and subjects show the new label.
    await em.execute(
      `insert into taxonomy_term (id, vocabulary, code, label, position) values (gen_random_uuid(), 'theme', 'care-economy', ?, 0)`,
      [JSON.stringify({ en: 'Care economy & care chains (edited)', es: 'Cuidados', fr: 'Soins' })],
    );
  }, 120_000);
  afterAll(() => api?.close());

  const all = () => slugs.care.length + slugs.domestic.length + 4;
  const identifier = (slug: string) => `oai:${host}:${slug}`;

  describe('Identify', () => {
    it('describes the repository, with cache headers from the library’s last change', async () => {
      const { root, response, request } = await oai('verb=Identify');
      expect(request).toEqual({ verb: 'Identify' });
      const identify = child(root, 'Identify');
      expect(identify.children.map((c) => c.name)).toEqual([
        'repositoryName',
        'baseURL',
        'protocolVersion',
        'adminEmail',
        'earliestDatestamp',
        'deletedRecord',
        'granularity',
        'description',
      ]);
      expect(childText(identify, 'baseURL')).toBe(`${webUrl}/oai`);
      expect(childText(identify, 'protocolVersion')).toBe('2.0');
      expect(childText(identify, 'adminEmail')).toBe('oai-admin@library.example.org');
      expect(childText(identify, 'earliestDatestamp')).toBe('2025-01-15T08:30:00Z');
      expect(childText(identify, 'deletedRecord')).toBe('persistent');
      expect(childText(identify, 'granularity')).toBe('YYYY-MM-DDThh:mm:ssZ');
      const description = child(child(identify, 'description'), 'oai-identifier');
      expect(description.attributes.xmlns).toBe('http://www.openarchives.org/OAI/2.0/oai-identifier');
      expect(childText(description, 'repositoryIdentifier')).toBe(host);
      expect(childText(description, 'sampleIdentifier')).toMatch(new RegExp(`^oai:${host}:[a-z0-9-]+$`));
      expect(response.headers['cache-control']).toBe('public, no-cache');
      // The library's last change (a removal moves it too), not only the newest datestamp.
      const { changedAt } = await readLibraryGeneration(em);
      expect(response.headers['last-modified']).toBe(changedAt.toUTCString());
    });

    it('answers the same to a form POST, and refuses other bodies', async () => {
      const posted = await api.request({
        method: 'POST',
        url: '/api/oai',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'verb=Identify',
      });
      expect(posted.statusCode).toBe(200);
      expect(childText(child(parseXml(posted.body), 'Identify'), 'adminEmail')).toBe(
        'oai-admin@library.example.org',
      );
      const json = await api.request({ method: 'POST', url: '/api/oai', payload: { verb: 'Identify' } });
      expect(json.statusCode).toBe(415);
    });
  });

  describe('ListMetadataFormats', () => {
    it('offers oai_dc, for the repository and for one record', async () => {
      for (const query of [
        'verb=ListMetadataFormats',
        `verb=ListMetadataFormats&identifier=${identifier(slugs.quoted)}`,
      ]) {
        const { root } = await oai(query);
        const formats = childrenNamed(child(root, 'ListMetadataFormats'), 'metadataFormat');
        expect(
          formats.map((f) => [
            childText(f, 'metadataPrefix'),
            childText(f, 'schema'),
            childText(f, 'metadataNamespace'),
          ]),
        ).toEqual([
          [
            'oai_dc',
            'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
            'http://www.openarchives.org/OAI/2.0/oai_dc/',
          ],
        ]);
      }
    });

    it('answers idDoesNotExist for an unknown identifier, echoing it', async () => {
      for (const id of [
        identifier('no-such-practice'),
        `oai:other.org:${slugs.quoted}`,
        'not an identifier',
      ]) {
        const { codes, request } = await errorsOf(
          `verb=ListMetadataFormats&identifier=${encodeURIComponent(id)}`,
        );
        expect(codes).toEqual(['idDoesNotExist']);
        expect(request).toEqual({ verb: 'ListMetadataFormats', identifier: id });
      }
    });
  });

  it('ListSets has the parent set and one set per theme, named by its English label', async () => {
    const { root } = await oai('verb=ListSets');
    const sets = childrenNamed(child(root, 'ListSets'), 'set').map((s) => [
      childText(s, 'setSpec'),
      childText(s, 'setName'),
    ]);
    expect(sets[0]).toEqual(['theme', 'Themes']);
    expect(sets).toContainEqual(['theme:care-economy', 'Care economy & care chains (edited)']);
    expect(sets).toContainEqual([
      'theme:pre-departure-orientation',
      'Rights-based pre-departure orientation and skills',
    ]);
    expect(sets.length).toBeGreaterThan(10);
    for (const [spec] of sets) expect(spec).toMatch(/^theme(:[a-z0-9-]+)?$/);
  });

  describe('GetRecord', () => {
    it('gives a practice in Dublin Core, every text escaped', async () => {
      const { root, request } = await oai(
        `verb=GetRecord&metadataPrefix=oai_dc&identifier=${identifier(slugs.quoted)}`,
      );
      expect(request).toEqual({
        verb: 'GetRecord',
        metadataPrefix: 'oai_dc',
        identifier: identifier(slugs.quoted),
      });
      const record = child(child(root, 'GetRecord'), 'record');
      expect(headerOf(record)).toEqual({
        identifier: identifier(slugs.quoted),
        datestamp: '2025-06-01T10:00:05Z',
        deleted: false,
        sets: ['theme:remittances-investment', 'theme:care-economy'],
      });
      const dc = child(child(record, 'metadata'), 'oai_dc:dc');
      expect(dc.attributes).toEqual({
        'xmlns:oai_dc': 'http://www.openarchives.org/OAI/2.0/oai_dc/',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation':
          'http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
      });
      const values = (name: string) => childrenNamed(dc, `dc:${name}`).map((e) => e.text);
      expect(values('title')).toEqual([quotedTitle]);
      expect(values('creator')).toEqual(['Kanlungan Centre, "KCFI"']);
      expect(values('subject')).toEqual([
        'Remittances, savings and productive investment',
        'Care economy & care chains (edited)',
      ]);
      expect(values('description')).toEqual(['Line one,\r\nline "two" & three']);
      expect(values('publisher')).toEqual(['Pathways']);
      expect(values('date')).toEqual(['2025-05-31']);
      expect(values('type')).toEqual(['Text', 'Good practice']);
      expect(values('identifier')).toEqual([`${webUrl}/library/practices/${slugs.quoted}`]);
      expect(values('language')).toEqual(['es']);
      expect(values('coverage')).toEqual(['Mexico', 'United States of America']);
      expect(values('rights')).toEqual(['https://spdx.org/licenses/CC0-1.0.html']);
    });

    it('gives a retracted practice as a deleted record, without metadata', async () => {
      const { root } = await oai(
        `verb=GetRecord&metadataPrefix=oai_dc&identifier=${identifier(slugs.retracted)}`,
      );
      const record = child(child(root, 'GetRecord'), 'record');
      expect(record.children.map((c) => c.name)).toEqual(['header']);
      expect(headerOf(record)).toMatchObject({
        identifier: identifier(slugs.retracted),
        deleted: true,
        datestamp: '2025-07-01T00:00:00Z',
      });
    });

    it('answers idDoesNotExist and cannotDisseminateFormat, echoing the arguments', async () => {
      const unknown = await errorsOf(
        `verb=GetRecord&metadataPrefix=oai_dc&identifier=${identifier('nope-1234')}`,
      );
      expect(unknown).toEqual({
        codes: ['idDoesNotExist'],
        request: { verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: identifier('nope-1234') },
      });
      const format = await errorsOf(
        `verb=GetRecord&metadataPrefix=marc21&identifier=${identifier(slugs.quoted)}`,
      );
      expect(format.codes).toEqual(['cannotDisseminateFormat']);
      expect(format.request.metadataPrefix).toBe('marc21');
    });
  });

  describe('ListRecords and ListIdentifiers', () => {
    it('harvest every record exactly once through resumption tokens, in datestamp order', async () => {
      const { items, tokens } = await harvest('ListRecords', 'metadataPrefix=oai_dc');
      const headers = items.map(headerOf);
      expect(headers).toHaveLength(all());
      expect(new Set(headers.map((h) => h.identifier)).size).toBe(all());
      const datestamps = headers.map((h) => h.datestamp);
      expect([...datestamps].sort()).toEqual(datestamps);
      expect(headers[0].identifier).toBe(identifier(slugs.early));
      expect(headers.at(-1)!.identifier).toBe(identifier(slugs.late));
      // Pages of 100, each token saying where its page starts; the last one is empty.
      expect(tokens.map((t) => [t.cursor, t.completeListSize])).toEqual(
        Array.from({ length: Math.ceil(all() / oaiPageSize) }, (_, i) => [
          String(i * oaiPageSize),
          String(all()),
        ]),
      );
      expect(tokens.slice(0, -1).every((t) => t.value.length > 0)).toBe(true);
      expect(tokens.at(-1)!.value).toBe('');
      // A deleted record has no metadata; the others do.
      const retracted = items.find((r) => headerOf(r).identifier === identifier(slugs.retracted))!;
      expect(retracted.children.map((c) => c.name)).toEqual(['header']);
      expect(headerOf(retracted).deleted).toBe(true);
      expect(items.filter((r) => childrenNamed(r, 'metadata').length === 1)).toHaveLength(all() - 1);
    });

    it('neither skip nor repeat a record when a practice is published mid-harvest', async () => {
      let added = '';
      const { items } = await harvest('ListIdentifiers', 'metadataPrefix=oai_dc', async () => {
        added = await publish({ ...completePracticeContent, title: 'Published mid-harvest' });
      });
      const ids = items.map((h) => headerOf(h).identifier);
      expect(ids).toHaveLength(all() + 1);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.at(-1)).toBe(identifier(added));
      expect(items.map(headerOf).find((h) => h.identifier === identifier(slugs.retracted))?.deleted).toBe(
        true,
      );
      await em.execute(`delete from library_practice where slug = ?`, [added]);
    });

    it('select by set', async () => {
      const domestic = await harvest(
        'ListIdentifiers',
        'metadataPrefix=oai_dc&set=theme:domestic-workers-rights',
      );
      expect(domestic.tokens).toEqual([]);
      expect(domestic.items.map((h) => headerOf(h).identifier).sort()).toEqual(
        slugs.domestic.map(identifier).sort(),
      );
      for (const h of domestic.items) expect(headerOf(h).sets).toContain('theme:domestic-workers-rights');
      const remittances = await harvest(
        'ListRecords',
        'metadataPrefix=oai_dc&set=theme:remittances-investment',
      );
      expect(remittances.items.map((r) => headerOf(r).identifier)).toEqual([identifier(slugs.quoted)]);
      const parent = await harvest('ListIdentifiers', 'metadataPrefix=oai_dc&set=theme');
      expect(parent.items).toHaveLength(all());
    });

    it('select by from and until, in either granularity, both inclusive', async () => {
      const ids = async (dates: string) =>
        (await harvest('ListIdentifiers', `metadataPrefix=oai_dc&${dates}`)).items.map(
          (h) => headerOf(h).identifier,
        );
      expect(await ids('until=2025-01-15')).toEqual([identifier(slugs.early)]);
      expect(await ids('until=2025-01-15T08:30:00Z')).toEqual([identifier(slugs.early)]);
      expect(
        (await errorsOf('verb=ListIdentifiers&metadataPrefix=oai_dc&until=2025-01-15T08:29:59Z')).codes,
      ).toEqual(['noRecordsMatch']);
      expect(await ids('from=2025-09-30T23:59:59Z')).toEqual([identifier(slugs.late)]);
      expect(await ids('from=2025-06-01T10:00:01Z&until=2025-07-01T00:00:00Z')).toEqual(
        [slugs.quoted, slugs.retracted].map(identifier),
      );
      expect(await ids('from=2025-06-02&until=2025-09-30')).toEqual(
        [slugs.retracted, slugs.late].map(identifier),
      );
      // Dates and set travel in the token.
      expect(await ids('from=2025-06-01&until=2025-06-01&set=theme:care-economy')).toHaveLength(
        slugs.care.length + slugs.domestic.length + 1,
      );
    });

    it('answer noRecordsMatch for an empty selection or an unknown set, echoing the arguments', async () => {
      for (const query of [
        'metadataPrefix=oai_dc&from=2100-01-01',
        'metadataPrefix=oai_dc&set=theme:no-such-theme',
        'metadataPrefix=oai_dc&set=region',
        'metadataPrefix=oai_dc&set=theme:stigma-discrimination-violence&until=2025-01-01',
      ]) {
        for (const verb of ['ListIdentifiers', 'ListRecords']) {
          const { codes, request } = await errorsOf(`verb=${verb}&${query}`);
          expect(codes, query).toEqual(['noRecordsMatch']);
          expect(request).toEqual({ verb, ...Object.fromEntries(new URLSearchParams(query)) });
        }
      }
    });

    it('answer cannotDisseminateFormat for another format', async () => {
      const { codes, request } = await errorsOf('verb=ListRecords&metadataPrefix=mods');
      expect(codes).toEqual(['cannotDisseminateFormat']);
      expect(request).toEqual({ verb: 'ListRecords', metadataPrefix: 'mods' });
    });
  });

  describe('errors per the protocol', () => {
    it('badVerb for a missing, repeated or unknown verb, with no arguments echoed', async () => {
      for (const query of [
        '',
        'metadataPrefix=oai_dc',
        'verb=Identify&verb=ListSets',
        'verb=Delete',
        'verb=listrecords',
      ]) {
        expect(await errorsOf(query), query).toEqual({ codes: ['badVerb'], request: {} });
      }
    });

    it('badArgument for missing, illegal, repeated or unknown arguments and bad dates, with nothing echoed', async () => {
      for (const query of [
        'verb=ListRecords',
        'verb=GetRecord&metadataPrefix=oai_dc',
        'verb=GetRecord&identifier=x',
        'verb=Identify&colour=red',
        'verb=ListSets&set=theme',
        'verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc',
        'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2025-02-30',
        'verb=ListIdentifiers&metadataPrefix=oai_dc&until=2025-01-01T10:00',
        'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2025-01-01&until=2025-01-02T00:00:00Z',
        'verb=ListIdentifiers&metadataPrefix=oai_dc&from=2025-03-01&until=2025-02-01',
        'verb=ListIdentifiers&metadataPrefix=oai_dc&set=',
      ]) {
        const { codes, request } = await errorsOf(query);
        expect(codes.length, query).toBeGreaterThan(0);
        expect(new Set(codes), query).toEqual(new Set(['badArgument']));
        expect(request, query).toEqual({});
      }
    });

    it('badResumptionToken for a token tampered with, made up or from another verb', async () => {
      const { tokens } = await harvest('ListIdentifiers', 'metadataPrefix=oai_dc');
      const token = tokens[0].value;
      const tampered = token.replace(
        /^(.{12})(.)/,
        (_, head: string, c: string) => head + (c === 'A' ? 'B' : 'A'),
      );
      for (const bad of [tampered, token.slice(0, -2), 'made-up', `${token}x`]) {
        const { codes, request } = await errorsOf(
          `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(bad)}`,
        );
        expect(codes).toEqual(['badResumptionToken']);
        expect(request).toEqual({ verb: 'ListIdentifiers', resumptionToken: bad });
      }
      expect((await errorsOf(`verb=ListRecords&resumptionToken=${token}`)).codes).toEqual([
        'badResumptionToken',
      ]);
      expect((await errorsOf(`verb=ListSets&resumptionToken=${token}`)).codes).toEqual([
        'badResumptionToken',
      ]);
      // resumptionToken is exclusive: with another argument the request is illegal (badArgument).
      expect(await errorsOf(`verb=ListIdentifiers&resumptionToken=${token}&metadataPrefix=oai_dc`)).toEqual({
        codes: ['badArgument'],
        request: {},
      });
      // A good token still works.
      const { root } = await oai(`verb=ListIdentifiers&resumptionToken=${token}`);
      expect(childrenNamed(child(root, 'ListIdentifiers'), 'header')).toHaveLength(oaiPageSize);
    });

    it('reads POSTed arguments like GET ones, repeated ones included', async () => {
      const post = async (payload: string) => {
        const response = await api.request({
          method: 'POST',
          url: '/api/oai',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload,
        });
        expect(response.statusCode).toBe(200);
        return parseXml(response.body);
      };
      const listed = await post(
        'verb=ListIdentifiers&metadataPrefix=oai_dc&set=theme%3Aremittances-investment',
      );
      expect(
        childrenNamed(child(listed, 'ListIdentifiers'), 'header').map((h) => headerOf(h).identifier),
      ).toEqual([identifier(slugs.quoted)]);
      const repeated = await post('verb=ListSets&verb=Identify');
      expect(childrenNamed(repeated, 'error').map((e) => e.attributes.code)).toEqual(['badVerb']);
      const empty = await post('');
      expect(childrenNamed(empty, 'error').map((e) => e.attributes.code)).toEqual(['badVerb']);
    });
  });
});

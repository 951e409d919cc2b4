import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeOaiToken, encodeOaiToken, type OaiListPosition } from './oai-token';

const position: OaiListPosition = {
  verb: 'ListRecords',
  metadataPrefix: 'oai_dc',
  set: 'theme:care-economy',
  from: '2026-01-01',
  until: '2026-12-31',
  after: { at: '2026-03-04T05:06:07.123456Z', id: '0b6f5d2e-8a51-4c3e-9d1f-2a7b3c4d5e6f' },
  cursor: 200,
  size: 431,
};

describe('OAI-PMH resumption tokens', () => {
  it('read back the position they were made from', () => {
    expect(decodeOaiToken(encodeOaiToken(position))).toEqual(position);
    const bare = { ...position, set: undefined, from: undefined, until: undefined };
    const decoded = decodeOaiToken(encodeOaiToken(bare));
    expect(decoded).toEqual({
      verb: 'ListRecords',
      metadataPrefix: 'oai_dc',
      after: position.after,
      cursor: 200,
      size: 431,
    });
  });

  it('are URL-safe and opaque', () => {
    const token = encodeOaiToken(position);
    expect(token).toMatch(/^[\w-]+\.[\w-]{16}$/);
    expect(token).not.toContain('care-economy');
  });

  it('refuse a token that was edited, cut short or made up', () => {
    const token = encodeOaiToken(position);
    const [payload, digest] = token.split('.');
    const flipped = (text: string, at: number) =>
      text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    expect(decodeOaiToken(`${flipped(payload, 10)}.${digest}`)).toBeNull();
    expect(decodeOaiToken(`${payload}.${flipped(digest, 0)}`)).toBeNull();
    expect(decodeOaiToken(token.slice(0, -1))).toBeNull();
    expect(decodeOaiToken(payload)).toBeNull();
    expect(decodeOaiToken('')).toBeNull();
    expect(decodeOaiToken('not a token')).toBeNull();
  });

  it('refuse a well-signed token whose content is not a position', () => {
    const sign = (value: unknown) => {
      const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
      return `${payload}.${createHash('sha256').update(payload).digest('base64url').slice(0, 16)}`;
    };
    const good = [1, 'ListRecords', 'oai_dc', null, null, null, position.after.at, position.after.id, 0, 10];
    expect(decodeOaiToken(sign(good))).not.toBeNull();
    const withChange = (index: number, value: unknown) => good.map((v, i) => (i === index ? value : v));
    expect(decodeOaiToken(sign(withChange(0, 2)))).toBeNull();
    expect(decodeOaiToken(sign(withChange(1, 'GetRecord')))).toBeNull();
    expect(decodeOaiToken(sign(withChange(6, "2026-01-01'; drop table x")))).toBeNull();
    expect(decodeOaiToken(sign(withChange(7, 'not-a-uuid')))).toBeNull();
    expect(decodeOaiToken(sign(withChange(8, -1)))).toBeNull();
    expect(decodeOaiToken(sign(withChange(9, 1.5)))).toBeNull();
    expect(decodeOaiToken(sign(good.slice(0, -1)))).toBeNull();
    expect(decodeOaiToken(sign([...good, 'extra']))).toBeNull();
    expect(decodeOaiToken(sign({ verb: 'ListRecords' }))).toBeNull();
  });
});

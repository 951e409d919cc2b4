import { describe, expect, it } from 'vitest';
import { canonicalJson, eventHash, verifyChain } from './event-hash';

const base = {
  workflow: 'practice',
  entityType: 'Practice',
  entityId: '6f1c3e1a-0000-4000-8000-000000000001',
  transition: 'submit',
  fromState: 'draft',
  toState: 'submitted',
  actorId: null,
  createdAt: new Date('2026-11-28T12:00:00.123Z'),
};

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});

describe('verifyChain', () => {
  const chain = () => {
    const first = { ...base, sequence: 1, payload: { a: 1 }, prevHash: null as string | null, hash: '' };
    first.hash = eventHash(null, first);
    const second = {
      ...base,
      sequence: 2,
      transition: 'withdraw',
      payload: null,
      prevHash: first.hash,
      hash: '',
    };
    second.hash = eventHash(first.hash, second);
    return [first, second];
  };

  it('accepts an untouched chain, ignoring fields outside the hash', () => {
    expect(verifyChain(chain().map((e) => ({ ...e, id: 'anything' })))).toEqual({ valid: true, events: 2 });
  });

  it('names the first event that no longer matches', () => {
    const events = chain();
    events[1] = { ...events[1], actorId: 'someone-else' as never };
    expect(verifyChain(events)).toMatchObject({ valid: false, brokenAt: 2 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineWorkflow, InvalidDefinitionError, transitionNames } from './definition';
import { available, decide, replay } from './engine';
import { toMermaid } from './mermaid';

interface Ctx {
  reviews: number;
}
const review = defineWorkflow<
  'draft' | 'submitted' | 'in_review' | 'accepted' | 'published' | 'rejected' | 'withdrawn',
  'submit' | 'send_to_review' | 'accept' | 'reject' | 'publish' | 'withdraw',
  Ctx
>({
  name: 'sample',
  initial: 'draft',
  states: ['draft', 'submitted', 'in_review', 'accepted', 'published', 'rejected', 'withdrawn'],
  transitions: {
    submit: { from: ['draft'], to: 'submitted', effects: ['notify-editors'] },
    send_to_review: { from: ['submitted'], to: 'in_review' },
    accept: {
      from: ['in_review'],
      to: 'accepted',
      guard: (ctx) => (ctx.reviews < 3 ? `Needs 3 reviews; has ${ctx.reviews}.` : null),
    },
    reject: { from: ['submitted', 'in_review'], to: 'rejected' },
    publish: { from: ['accepted'], to: 'published' },
    withdraw: { from: ['draft', 'submitted', 'in_review'], to: 'withdrawn' },
  },
});
const everyone = () => true;

describe('defineWorkflow', () => {
  it('refuses transitions to or from states that do not exist', () => {
    expect(() =>
      defineWorkflow({
        name: 'broken',
        initial: 'a',
        states: ['a'],
        transitions: { go: { from: ['a'], to: 'b' as 'a' } },
      }),
    ).toThrow(InvalidDefinitionError);
    expect(() =>
      defineWorkflow({ name: 'broken', initial: 'z' as 'a', states: ['a'], transitions: {} }),
    ).toThrow(/initial state "z"/);
  });
});

describe('decide', () => {
  it('checks the state, then the permission, then the guard', () => {
    expect(decide(review, 'draft', 'publish', { reviews: 9 }, everyone)).toMatchObject({
      ok: false,
      refusal: { kind: 'wrong_state' },
    });
    expect(decide(review, 'in_review', 'accept', { reviews: 9 }, () => false)).toMatchObject({
      ok: false,
      refusal: { kind: 'forbidden' },
    });
    expect(decide(review, 'in_review', 'accept', { reviews: 2 }, everyone)).toEqual({
      ok: false,
      refusal: { kind: 'guard', message: 'Needs 3 reviews; has 2.' },
    });
    expect(decide(review, 'in_review', 'accept', { reviews: 3 }, everyone)).toEqual({
      ok: true,
      from: 'in_review',
      to: 'accepted',
      effects: [],
    });
    expect(decide(review, 'draft', 'submit', { reviews: 0 }, everyone)).toMatchObject({
      effects: ['notify-editors'],
    });
  });

  it('refuses names that are not transitions, including inherited properties', () => {
    expect(decide(review, 'draft', 'toString', { reviews: 0 }, everyone)).toMatchObject({
      refusal: { kind: 'unknown_transition' },
    });
  });
});

describe('conditions', () => {
  interface Facts {
    published: boolean;
  }
  const flow = defineWorkflow<'open' | 'closed' | 'live', 'close' | 'restore', Facts>({
    name: 'conditional',
    initial: 'open',
    states: ['open', 'closed', 'live'],
    transitions: {
      close: { from: ['open'], to: 'closed', when: { label: 'was never live', holds: (f) => !f.published } },
      restore: { from: ['open'], to: 'live', when: { label: 'was live', holds: (f) => f.published } },
    },
  });

  it('refuses a transition whose condition fails before asking for permission, naming the condition', () => {
    expect(decide(flow, 'open', 'close', { published: true }, () => false)).toEqual({
      ok: false,
      refusal: { kind: 'not_applicable', message: 'Cannot close: only when it was never live.' },
    });
    expect(decide(flow, 'open', 'restore', { published: true }, everyone)).toMatchObject({
      ok: true,
      to: 'live',
    });
  });

  it('offers only the transitions whose condition holds, and draws the condition', () => {
    expect(available(flow, 'open', { published: false }, everyone)).toEqual([
      { name: 'close', enabled: true },
    ]);
    expect(available(flow, 'open', { published: true }, everyone)).toEqual([
      { name: 'restore', enabled: true },
    ]);
    expect(toMermaid(flow)).toContain('open --> live: restore [was live]');
  });
});

describe('available', () => {
  it('lists what the actor may fire from here, with the reason a guarded one is disabled', () => {
    expect(available(review, 'in_review', { reviews: 1 }, (t) => t !== 'withdraw')).toEqual([
      { name: 'accept', enabled: false, reason: 'Needs 3 reviews; has 1.' },
      { name: 'reject', enabled: true },
    ]);
  });
});

describe('properties', () => {
  const step = fc.record({ transition: fc.constantFrom(...transitionNames(review)), reviews: fc.nat(5) });

  it('never reaches a state outside the definition, and replaying the log gives the current state', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let state = review.initial;
        const log: {
          transition: (typeof steps)[number]['transition'];
          from: typeof state;
          to: typeof state;
        }[] = [];
        for (const { transition, reviews } of steps) {
          const decision = decide(review, state, transition, { reviews }, everyone);
          if (!decision.ok) continue;
          expect(review.states).toContain(decision.to);
          log.push({ transition, from: state, to: decision.to });
          state = decision.to;
        }
        expect(replay(review, log)).toBe(state);
      }),
    );
  });

  it('offers as enabled exactly the transitions that decide() lets through', () => {
    fc.assert(
      fc.property(fc.constantFrom(...review.states), fc.nat(5), (state, reviews) => {
        for (const option of available(review, state, { reviews }, everyone)) {
          expect(decide(review, state, option.name, { reviews }, everyone).ok).toBe(option.enabled);
        }
      }),
    );
  });

  it('rejects a log that skips a step', () => {
    expect(() => replay(review, [{ transition: 'publish', from: 'draft', to: 'published' }])).toThrow(
      /does not follow/,
    );
  });
});

describe('toMermaid', () => {
  it('draws every transition and the terminal states', () => {
    const diagram = toMermaid(review);
    expect(diagram).toContain('[*] --> draft');
    expect(diagram).toContain('in_review --> rejected: reject');
    expect(diagram).toContain('published --> [*]');
  });
});

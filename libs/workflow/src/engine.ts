import type { WorkflowDefinition } from './definition';

/** Why a transition cannot happen now, in the order the engine checks. */
export type Refusal =
  | { kind: 'unknown_transition'; message: string }
  | { kind: 'wrong_state'; message: string }
  | { kind: 'not_applicable'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'guard'; message: string };

export type Decision<State extends string> =
  { ok: true; from: State; to: State; effects: readonly string[] } | { ok: false; refusal: Refusal };

export interface AvailableTransition<Transition extends string> {
  name: Transition;
  enabled: boolean;
  reason?: string;
}

/** Asks the permission layer (CASL: action = transition name) whether the actor may fire it. */
export type Permit<Transition extends string> = (transition: Transition) => boolean;

/**
 * Decides a transition without side effects: allowed from the current state, permitted for the
 * actor, guard satisfied. The caller applies the decision in one database transaction.
 */
export function decide<State extends string, Transition extends string, Context>(
  definition: WorkflowDefinition<State, Transition, Context>,
  current: State,
  transition: string,
  context: Context,
  permit: Permit<Transition>,
): Decision<State> {
  if (!Object.hasOwn(definition.transitions, transition)) {
    return {
      ok: false,
      refusal: {
        kind: 'unknown_transition',
        message: `"${transition}" is not a ${definition.name} transition.`,
      },
    };
  }
  const name = transition as Transition;
  const spec = definition.transitions[name];
  if (!spec.from.includes(current)) {
    return {
      ok: false,
      refusal: {
        kind: 'wrong_state',
        message: `Cannot ${name.replaceAll('_', ' ')} from ${current.replaceAll('_', ' ')}.`,
      },
    };
  }
  if (spec.when && !spec.when.holds(context)) {
    return {
      ok: false,
      refusal: {
        kind: 'not_applicable',
        message: `Cannot ${name.replaceAll('_', ' ')}: only when it ${spec.when.label}.`,
      },
    };
  }
  if (!permit(name))
    return { ok: false, refusal: { kind: 'forbidden', message: 'You are not allowed to do this.' } };
  const blocked = spec.guard?.(context) ?? null;
  if (blocked) return { ok: false, refusal: { kind: 'guard', message: blocked } };
  return { ok: true, from: current, to: spec.to, effects: spec.effects ?? [] };
}

/**
 * The transitions that start from the current state, apply to the record (their condition holds)
 * and that the actor may fire, each enabled or
 * with the reason it is not, so an interface shows only what can be done and why not.
 */
export function available<State extends string, Transition extends string, Context>(
  definition: WorkflowDefinition<State, Transition, Context>,
  current: State,
  context: Context,
  permit: Permit<Transition>,
): AvailableTransition<Transition>[] {
  return (Object.keys(definition.transitions) as Transition[])
    .filter((name) => {
      const spec = definition.transitions[name];
      return spec.from.includes(current) && (spec.when?.holds(context) ?? true) && permit(name);
    })
    .map((name) => {
      const reason = definition.transitions[name].guard?.(context) ?? null;
      return reason ? { name, enabled: false, reason } : { name, enabled: true };
    });
}

/**
 * The state an append-only event log leads to; it must equal the stored state. Conditions and
 * guards held when the events were written, so only the shape of each step is checked.
 */
export function replay<State extends string, Transition extends string, Context>(
  definition: WorkflowDefinition<State, Transition, Context>,
  events: readonly { transition: Transition; from: State; to: State }[],
): State {
  let state = definition.initial;
  for (const [index, event] of events.entries()) {
    const spec = definition.transitions[event.transition];
    if (!spec || event.from !== state || !spec.from.includes(state) || spec.to !== event.to) {
      throw new Error(
        `${definition.name} event ${index} (${event.transition}) does not follow from ${state}`,
      );
    }
    state = event.to;
  }
  return state;
}

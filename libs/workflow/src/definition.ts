/**
 * A workflow is data: states, an initial state, and named transitions from some states to one.
 * Guards are business rules that answer a reason when the transition may not happen now; effects
 * name the jobs to enqueue (through the outbox) when it does.
 */
export interface TransitionDefinition<State extends string, Context> {
  from: readonly State[];
  to: State;
  /**
   * Whether the transition applies to this record at all (e.g. "has a published version"). Unlike a
   * guard, which says why a transition cannot happen yet, a transition whose condition fails is not
   * offered and is refused like one from the wrong state: two transitions from the same state can
   * then split a path by a fact about the record.
   */
  when?: TransitionCondition<Context>;
  /** Returns why the transition is blocked, or null when it may go ahead. */
  guard?: (context: Context) => string | null;
  /** Job names written to the outbox in the same transaction as the state change. */
  effects?: readonly string[];
  description?: string;
}

export interface TransitionCondition<Context> {
  /** Shown on diagrams and in refusals, e.g. "has a published version". */
  label: string;
  holds: (context: Context) => boolean;
}

export interface WorkflowDefinition<State extends string, Transition extends string, Context> {
  name: string;
  initial: State;
  states: readonly State[];
  transitions: Readonly<Record<Transition, TransitionDefinition<State, Context>>>;
}

export class InvalidDefinitionError extends Error {}

/** Checks a definition once, where it is declared, so a typo cannot reach run time. */
export function defineWorkflow<State extends string, Transition extends string, Context>(
  definition: WorkflowDefinition<State, Transition, Context>,
): WorkflowDefinition<State, Transition, Context> {
  const states = new Set<string>(definition.states);
  const problems: string[] = [];
  if (states.size !== definition.states.length) problems.push('states are listed twice');
  if (!states.has(definition.initial)) problems.push(`initial state "${definition.initial}" is not a state`);
  for (const [name, transition] of Object.entries<TransitionDefinition<State, Context>>(
    definition.transitions,
  )) {
    if (!transition.from.length) problems.push(`transition "${name}" starts from no state`);
    for (const from of transition.from) {
      if (!states.has(from)) problems.push(`transition "${name}" starts from unknown state "${from}"`);
    }
    if (!states.has(transition.to))
      problems.push(`transition "${name}" leads to unknown state "${transition.to}"`);
  }
  if (problems.length) throw new InvalidDefinitionError(`${definition.name}: ${problems.join('; ')}`);
  return definition;
}

export const transitionNames = <S extends string, T extends string, C>(
  definition: WorkflowDefinition<S, T, C>,
): T[] => Object.keys(definition.transitions) as T[];

import type { WorkflowDefinition } from './definition';

/** A Mermaid state diagram of a definition, for docs/workflows and the UI. */
export function toMermaid<S extends string, T extends string, C>(
  definition: WorkflowDefinition<S, T, C>,
): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${definition.initial}`];
  for (const name of Object.keys(definition.transitions) as T[]) {
    const transition = definition.transitions[name];
    const label = transition.when ? `${name} [${transition.when.label}]` : name;
    for (const from of transition.from) lines.push(`  ${from} --> ${transition.to}: ${label}`);
  }
  const hasExit = new Set<string>(
    (Object.keys(definition.transitions) as T[]).flatMap((n) => definition.transitions[n].from),
  );
  for (const state of definition.states) if (!hasExit.has(state)) lines.push(`  ${state} --> [*]`);
  return `${lines.join('\n')}\n`;
}

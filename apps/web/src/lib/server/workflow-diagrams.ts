import * as workflow from '@pathways/workflow';
import type { WorkflowDefinition } from '@pathways/workflow';

type AnyDefinition = WorkflowDefinition<string, string, never>;

/** One transition as the diagrams page lists it. */
export interface TransitionSummary {
  name: string;
  from: string[];
  to: string;
  /** A business rule may block it, with a reason. */
  guarded: boolean;
  /** Jobs queued (through the outbox) when it happens. */
  effects: string[];
}

export interface WorkflowSummary {
  name: string;
  initial: string;
  states: string[];
  transitions: TransitionSummary[];
  /** The Mermaid state diagram, the same as in docs/workflows. */
  mermaid: string;
}

/** Whether an export of the workflow library is a workflow definition (rather than a helper). */
export function isWorkflowDefinition(value: unknown): value is AnyDefinition {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<AnyDefinition>;
  return (
    typeof candidate.name === 'string' &&
    typeof candidate.initial === 'string' &&
    Array.isArray(candidate.states) &&
    typeof candidate.transitions === 'object' &&
    candidate.transitions !== null
  );
}

export function summarise(definition: AnyDefinition): WorkflowSummary {
  return {
    name: definition.name,
    initial: definition.initial,
    states: [...definition.states],
    transitions: Object.entries(definition.transitions).map(([name, t]) => ({
      name,
      from: [...t.from],
      to: t.to,
      guarded: typeof t.guard === 'function',
      effects: [...(t.effects ?? [])],
    })),
    mermaid: workflow.toMermaid(definition),
  };
}

/** Every workflow the library defines (practice, review assignment, and any added later), by name. */
export function workflowSummaries(exports: Record<string, unknown> = workflow): WorkflowSummary[] {
  return Object.values(exports)
    .filter(isWorkflowDefinition)
    .map(summarise)
    .sort((a, b) => a.name.localeCompare(b.name));
}

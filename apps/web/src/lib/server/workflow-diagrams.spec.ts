import { defineWorkflow, practiceWorkflow, reviewAssignmentWorkflow, toMermaid } from '@pathways/workflow';
import { describe, expect, it } from 'vitest';
import { isWorkflowDefinition, workflowSummaries } from './workflow-diagrams';

describe('workflowSummaries', () => {
  it('lists every definition the library exports, and nothing else', () => {
    const names = workflowSummaries().map((w) => w.name);
    expect(names).toContain(practiceWorkflow.name);
    expect(names).toContain(reviewAssignmentWorkflow.name);
    expect(isWorkflowDefinition(toMermaid)).toBe(false);
    expect(isWorkflowDefinition(null)).toBe(false);
  });

  it('describes each transition: from, to, whether it is guarded, and its effects', () => {
    const toy = defineWorkflow<'a' | 'b', 'go' | 'back', { ok: boolean }>({
      name: 'toy',
      initial: 'a',
      states: ['a', 'b'],
      transitions: {
        go: { from: ['a'], to: 'b', guard: ({ ok }) => (ok ? null : 'not yet'), effects: ['jobs.notify'] },
        back: { from: ['b'], to: 'a' },
      },
    });
    const [summary] = workflowSummaries({ toy, helper: () => undefined });
    expect(summary).toEqual({
      name: 'toy',
      initial: 'a',
      states: ['a', 'b'],
      transitions: [
        { name: 'go', from: ['a'], to: 'b', guarded: true, effects: ['jobs.notify'] },
        { name: 'back', from: ['b'], to: 'a', guarded: false, effects: [] },
      ],
      mermaid: toMermaid(toy),
    });
  });

  it('keeps the practice workflow’s guards and effects', () => {
    const practice = workflowSummaries().find((w) => w.name === practiceWorkflow.name);
    const submit = practice?.transitions.find((t) => t.name === 'submit');
    expect(submit).toEqual({
      name: 'submit',
      from: ['draft'],
      to: 'submitted',
      guarded: true,
      effects: ['notifications.practice-submitted'],
    });
    expect(practice?.mermaid).toContain('draft --> submitted: submit');
  });
});

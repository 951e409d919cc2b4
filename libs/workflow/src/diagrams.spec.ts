import { describe, expect, it } from 'vitest';
import {
  pilotPartnerWorkflow,
  pilotWorkflow,
  practiceWorkflow,
  reviewAssignmentWorkflow,
} from './definitions';
import { toMermaid } from './mermaid';

// The committed diagrams in docs/workflows must match the definitions; `npm run workflows` rewrites them.
const diagrams = {
  [practiceWorkflow.name]: toMermaid(practiceWorkflow),
  [reviewAssignmentWorkflow.name]: toMermaid(reviewAssignmentWorkflow),
  [pilotWorkflow.name]: toMermaid(pilotWorkflow),
  [pilotPartnerWorkflow.name]: toMermaid(pilotPartnerWorkflow),
};

describe('workflow diagrams', () => {
  for (const [name, diagram] of Object.entries(diagrams)) {
    it(`docs/workflows/${name}.mmd is up to date`, async () => {
      await expect(diagram).toMatchFileSnapshot(`../../../docs/workflows/${name}.mmd`);
    });
  }
});

import { defineConfig } from 'vitest/config';
import { decorators, workspaceAliases } from './vitest.shared.mjs';

// Unit tests: no PostgreSQL, Redis or network. Integration tests (*.int.spec.ts) run from vitest.int.config.ts.
const project = (name: string, root: string) => ({
  plugins: [decorators()],
  resolve: { alias: workspaceAliases },
  test: {
    name,
    environment: 'node' as const,
    include: [`${root}/src/**/*.spec.ts`],
    exclude: ['**/*.int.spec.ts', '**/node_modules/**', '**/dist/**'],
  },
});

export default defineConfig({
  test: {
    projects: [
      project('contracts', 'libs/contracts'),
      project('permissions', 'libs/permissions'),
      project('workflow', 'libs/workflow'),
      project('persistence', 'libs/persistence'),
      project('queues', 'libs/queues'),
      project('api', 'apps/api'),
      project('worker', 'apps/worker'),
      project('local-stack', 'infra/local'),
      project('bench', 'bench'),
    ],
  },
});

import { defineConfig } from 'vitest/config';
import { decorators, workspaceAliases } from './vitest.shared.mjs';

// Integration tests talk to the real PostgreSQL and Redis. Each file creates its own database and
// Redis key prefix (see libs/persistence/src/testing), so files may run in parallel.
export default defineConfig({
  plugins: [decorators()],
  resolve: { alias: workspaceAliases },
  test: {
    name: 'integration',
    environment: 'node',
    include: [
      'apps/*/src/**/*.int.spec.ts',
      'libs/*/src/**/*.int.spec.ts',
      'infra/local/src/**/*.int.spec.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});

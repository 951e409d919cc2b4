import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

// Specs may import the libs (e.g. @pathways/contracts) as their TypeScript sources, like tsc does.
const tsconfig = JSON.parse(readFileSync(fromRoot('tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const libAliases = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([name, [path]]) => [name, fromRoot(path ?? '')]),
);

// End-to-end: the global setup starts the built stack on a fresh database and free ports; specs drive
// it with headless Chromium (src/setup/browser.ts). Files run one at a time against that one stack.
export default defineConfig({
  resolve: {
    alias: { ...libAliases, '@pathways/local-stack': fromRoot('infra/local/src/index.ts') },
  },
  test: {
    name: 'e2e',
    root: fileURLToPath(new URL('.', import.meta.url)),
    environment: 'node',
    include: ['src/**/*.e2e.spec.ts'],
    globalSetup: ['src/setup/global-setup.ts'],
    passWithNoTests: true,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';

const lib = (name: string) => fileURLToPath(new URL(`./libs/${name}/src/index.ts`, import.meta.url));

/** The libs resolve to their TypeScript sources, as `paths` in tsconfig.base.json does for tsc. */
export const workspaceAliases = {
  '@pathways/contracts/testing': fileURLToPath(
    new URL('./libs/contracts/src/testing/index.ts', import.meta.url),
  ),
  '@pathways/contracts': lib('contracts'),
  '@pathways/permissions': lib('permissions'),
  '@pathways/persistence/testing': fileURLToPath(
    new URL('./libs/persistence/src/testing/index.ts', import.meta.url),
  ),
  '@pathways/persistence': lib('persistence'),
  '@pathways/queues': lib('queues'),
  '@pathways/workflow': lib('workflow'),
};

/** Nest and MikroORM read decorator metadata, which only SWC emits under Vite. */
export const decorators = () =>
  swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
  });

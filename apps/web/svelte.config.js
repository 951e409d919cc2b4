import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter(),
    // The libs are TypeScript sources in the workspace; Vite and svelte-check both read this alias.
    alias: {
      '@pathways/contracts': '../../libs/contracts/src/index.ts',
      '@pathways/permissions': '../../libs/permissions/src/index.ts',
    },
  },
};

export default config;

import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter(),
    // SvelteKit adds a hash or nonce for its own inline script; nothing else may run or be framed.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
    // Every origin passes SvelteKit's own check, because it cannot spare the OAI-PMH base URL that
    // harvesters post to; hooks.server.ts refuses cross-site forms everywhere else (lib/server/csrf.ts).
    csrf: { trustedOrigins: ['*'] },
    // The libs are TypeScript sources in the workspace; Vite and svelte-check both read this alias.
    alias: {
      '@pathways/contracts': '../../libs/contracts/src/index.ts',
      '@pathways/permissions': '../../libs/permissions/src/index.ts',
      '@pathways/workflow': '../../libs/workflow/src/index.ts',
    },
  },
};

export default config;

import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './i18n.config.js';

export default defineConfig({
  plugins: [
    paraglideVitePlugin({ ...paraglideOptions, strategy: [...paraglideOptions.strategy] }),
    sveltekit(),
  ],
  resolve: {
    alias: [
      // The contracts only need the country codes. The package's Node entry requires every language
      // file dynamically, which the server bundle cannot follow; its browser entry loads none.
      { find: /^i18n-iso-countries$/, replacement: 'i18n-iso-countries/index.js' },
    ],
  },
  // Vitest runs once and exits; a file watcher would only hold the process open.
  server: process.env.VITEST ? { watch: null } : undefined,
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});

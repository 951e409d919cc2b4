import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './i18n.config.js';

export default defineConfig(({ command }) => ({
  plugins: [
    // Under Vitest the messages are compiled once beforehand (see project.json): the plugin's
    // watcher would keep the test run from exiting.
    process.env.VITEST
      ? null
      : paraglideVitePlugin({ ...paraglideOptions, strategy: [...paraglideOptions.strategy] }),
    sveltekit(),
  ],
  resolve: {
    // The contracts only need the country codes. The package's Node entry requires every language
    // file dynamically, which the server bundle cannot follow, so the build takes its browser entry
    // (no language files). In dev, Node loads the Node entry itself.
    alias:
      command === 'build'
        ? [{ find: /^i18n-iso-countries$/, replacement: 'i18n-iso-countries/index.js' }]
        : [],
  },
  // Vitest runs once and exits; a file watcher would only hold the process open.
  server: process.env.VITEST ? { watch: null } : undefined,
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
}));

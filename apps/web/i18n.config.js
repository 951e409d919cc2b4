/**
 * Paraglide options, shared by the Vite plugin and `compile-messages.js` (svelte-check runs
 * before any Vite build, so it needs the compiled messages on its own).
 *
 * Language: an explicit /es or /fr prefix, else the saved cookie, else the browser's languages.
 * English has no prefix; see src/lib/server/locale.ts for how a first visit is negotiated.
 */
export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  strategy: /** @type {const} */ (['url', 'cookie', 'preferredLanguage', 'baseLocale']),
  // One module per message, so pages ship only the messages they use (the Vite plugin's default).
  outputStructure: /** @type {const} */ ('message-modules'),
};

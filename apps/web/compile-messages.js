import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './i18n.config.js';

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};
const sources = [
  'i18n.config.js',
  join(paraglideOptions.project, 'settings.json'),
  ...readdirSync('messages').map((file) => join('messages', file)),
];
const compiled = mtime(join(paraglideOptions.outdir, 'runtime.js'));

// Compiling takes seconds, so it is skipped while the output is newer than every source.
if (compiled === 0 || sources.some((source) => mtime(source) > compiled)) {
  await compile(paraglideOptions);
}
// The inlang SDK leaves a timer behind for half a minute after compiling; nothing else runs here.
process.exit(0);

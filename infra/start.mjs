// `npm start`: installs dependencies when needed, builds every project, then hands over to the
// compiled orchestrator (infra/local/src/start.ts). Uses nothing outside Node itself, because
// node_modules may not exist yet.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const say = (line) => process.stdout.write(`[start]  ${line}\n`);
const fail = (line) => {
  process.stderr.write(`${line}\n`);
  process.exit(1);
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19) || major === 21) {
  fail(`Pathways needs Node.js 20.19+ or 22+; this is ${process.version}.`);
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.signal) process.exit(1);
  return result.status === 0;
}

// npm ci rewrites node_modules/.package-lock.json, so it is older than the lock after a pull.
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  say('installing dependencies (npm ci)…');
  if (!run('npm', ['ci', '--no-audit', '--no-fund'])) fail('npm ci failed; see above.');
}

say('building (nx run-many -t build)…');
const env = { ...process.env, NX_DAEMON: 'false' };
if (
  !run(join(root, 'node_modules', '.bin', 'nx'), ['run-many', '-t', 'build', '--outputStyle=static'], env)
) {
  fail('The build failed; see above.');
}

createRequire(import.meta.url)(join(root, 'infra/local/dist/infra/local/src/start.js'));

// `npm test`: every check in order, stopping at the first failure, then a summary.
// Integration and e2e tests get DATABASE_URL/REDIS_URL: the user's, or services found or started
// the way `npm start` does it (stopped again at the end).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const say = (line) => process.stdout.write(`\n[test]   ${line}\n`);
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const baseEnv = { ...process.env, NX_DAEMON: 'false', FORCE_COLOR: process.env.FORCE_COLOR ?? '1' };

let current;
function run(command, args, env = baseEnv) {
  return new Promise((resolve) => {
    current = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    current.once('error', (error) => {
      process.stderr.write(`could not run ${command}: ${error.message}\n`);
      resolve(false);
    });
    current.once('exit', (code) => resolve(code === 0));
  });
}

const isRoot = process.getuid?.() === 0;
const hasAptGet = () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

async function ensureChromium() {
  if (existsSync(chromium)) return true;
  if (!isRoot || !hasAptGet()) {
    process.stderr.write(
      `Chromium is needed at ${chromium} (Debian: apt-get install chromium), or set CHROMIUM_PATH.\n`,
    );
    return false;
  }
  const env = { ...baseEnv, DEBIAN_FRONTEND: 'noninteractive' };
  return (
    (await run('apt-get', ['update'], env)) && (await run('apt-get', ['install', '-y', 'chromium'], env))
  );
}

let services;
async function obtainServices() {
  const require = createRequire(import.meta.url);
  const local = (file) => require(join(root, 'infra/local/dist/infra/local/src', file));
  const { readConfig } = local('config.js');
  const { obtainServices } = local('services.js');
  // Our own servers (if any) keep their files apart from a running `npm start`.
  const config = readConfig({ PATHWAYS_DATA_DIR: '.data/test', ...process.env }, root);
  services = await obtainServices({
    config,
    database: config.postgres.kind === 'url' ? undefined : 'postgres',
  });
  return { ...baseEnv, DATABASE_URL: services.postgres.url, REDIS_URL: services.redis.url };
}

let serviceEnv;
const steps = [
  ['chromium', ensureChromium],
  ['lint', () => run('npm', ['run', 'lint'])],
  ['typecheck', () => run('npm', ['run', 'typecheck'])],
  ['unit', () => run(bin('nx'), ['run-many', '-t', 'test', '--outputStyle=static'])],
  ['build', () => run(bin('nx'), ['run-many', '-t', 'build', '--outputStyle=static'])],
  [
    'integration',
    async () => {
      serviceEnv = await obtainServices();
      return run(bin('vitest'), ['run', '--config', 'vitest.int.config.mts'], serviceEnv);
    },
  ],
  ['e2e', () => run(bin('vitest'), ['run', '--config', 'e2e/vitest.config.mts'], serviceEnv ?? baseEnv)],
];

// `npm test -- --from <step>` resumes at a step (the earlier ones are reported as skipped).
const fromIndex = process.argv.indexOf('--from');
const from = fromIndex === -1 ? steps[0][0] : process.argv[fromIndex + 1];
const firstStep = steps.findIndex(([name]) => name === from);
if (firstStep === -1) {
  process.stderr.write(`--from takes one of: ${steps.map(([name]) => name).join(', ')}\n`);
  process.exit(2);
}

const results = [];
async function finish(code) {
  if (services) {
    if ([services.postgres, services.redis].some((s) => s.origin === 'embedded')) {
      say('stopping the servers started for the tests');
    }
    await services.stop().catch(() => undefined);
  }
  const width = Math.max(...steps.map(([name]) => name.length));
  process.stdout.write('\nSummary:\n');
  for (const [name] of steps) {
    const result = results.find((r) => r.name === name);
    const status = !result ? 'skipped' : result.ok ? 'passed' : 'FAILED';
    const time = result ? ` (${(result.ms / 1000).toFixed(1)} s)` : '';
    process.stdout.write(`  ${name.padEnd(width)}  ${status}${time}\n`);
  }
  process.exit(code);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    current?.kill(signal);
    say(`${signal} received`);
    void finish(130);
  });
}

for (const [name, step] of steps.slice(firstStep)) {
  say(`${name}…`);
  const started = Date.now();
  let ok;
  try {
    ok = await step();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    ok = false;
  }
  if (interrupted) break;
  results.push({ name, ok, ms: Date.now() - started });
  if (!ok) await finish(1);
}
if (!interrupted) await finish(0);

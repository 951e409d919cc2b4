import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isPortFree } from './ports';
import { workspaceRoot } from './workspace';

// Runs the compiled orchestrator (what `npm start` hands over to, minus npm ci and the build) against
// the real built api, worker and web, with its own embedded PostgreSQL and redis-server.
const root = workspaceRoot(process.cwd());
const startJs = join(root, 'infra/local/dist/infra/local/src/start.js');

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function runStart(env: NodeJS.ProcessEnv): Run {
  let output = '';
  const child = spawn(process.execPath, [startJs], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exit };
}

async function waitForOutput(run: Run, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void run.exit.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    const match = run.output().match(pattern);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`start.js ${exited ? 'exited' : 'timed out'} before printing ${pattern}:\n${run.output()}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const baseEnv = (dataDir: string, apiPort: number, webPort: number): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: '',
  REDIS_URL: '',
  PATHWAYS_EMBEDDED: '1',
  PATHWAYS_DATA_DIR: dataDir,
  API_PORT: String(apiPort),
  WEB_PORT: String(webPort),
});

describe('npm start with nothing configured (embedded PostgreSQL and Redis)', () => {
  let dataDir: string;
  let run: Run | undefined;

  beforeAll(async () => {
    if (!existsSync(startJs))
      throw new Error(`${startJs} is missing: build first (npx nx run-many -t build)`);
    dataDir = await mkdtemp(join(tmpdir(), 'pathways-start-'));
    // The embedded server runs as the "postgres" user when we are root: it must reach the directory.
    await chmod(dataDir, 0o755);
  });

  afterAll(async () => {
    if (run && run.child.exitCode === null) {
      run.child.kill('SIGKILL');
      await run.exit;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the app, prints the URL and demo logins, and leaves nothing running after SIGTERM', async () => {
    const [apiPort, webPort] = [await freePort(), await freePort()];
    run = runStart(baseEnv(dataDir, apiPort, webPort));

    const [, webUrl] = await waitForOutput(run, /Pathways is ready at (http:\/\/\S+)/, 150_000);
    expect(webUrl).toBe(`http://127.0.0.1:${webPort}`);
    expect(run.output()).toMatch(/starting an embedded PostgreSQL/);
    expect(run.output()).toMatch(/Demo logins:\n(\s+\S+\s+\S+@\S+\s+\S+\n)+/);

    expect((await fetch(`http://127.0.0.1:${apiPort}/health/ready`)).status).toBe(200);
    expect((await fetch(`${webUrl}/`)).status).toBe(200);

    const postgresPid = Number.parseInt(
      (await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0] ?? '',
      10,
    );
    expect(alive(postgresPid)).toBe(true);
    const redisPort = Number(run.output().match(/redis-server is up on 127\.0\.0\.1:(\d+)/)?.[1]);
    expect(await isPortFree('127.0.0.1', redisPort)).toBe(false);

    run.child.kill('SIGTERM');
    expect(await run.exit).toEqual({ code: 0, signal: null });
    expect(await isPortFree('127.0.0.1', apiPort)).toBe(true);
    expect(await isPortFree('127.0.0.1', webPort)).toBe(true);
    expect(await isPortFree('127.0.0.1', redisPort)).toBe(true);
    expect(alive(postgresPid)).toBe(false);
  }, 200_000);

  it('refuses a busy port with one clear line, before starting anything', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const busy = typeof address === 'object' && address ? address.port : 0;
    try {
      const refused = runStart(baseEnv(dataDir, await freePort(), busy));
      expect(await refused.exit).toEqual({ code: 1, signal: null });
      expect(refused.output()).toBe(
        `Port ${busy} on 127.0.0.1 (web app) is already in use. Stop whatever is using it, or pick another port: WEB_PORT=<port> npm start\n`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

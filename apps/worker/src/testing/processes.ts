import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { waitForRedis } from '@pathways/queues';

/** The workspace root (where nx.json is), from the directory tests run in. */
export function workspaceRoot(from = process.cwd()): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The built entry points these tests run as real processes (`npx nx run <app>:build`). */
export const builtEntry = {
  worker: 'apps/worker/dist/apps/worker/src/main.js',
  api: 'apps/api/dist/apps/api/src/main.js',
} as const;

export function builtScript(app: keyof typeof builtEntry): string {
  const script = join(workspaceRoot(), builtEntry[app]);
  if (!existsSync(script)) {
    throw new Error(`${builtEntry[app]} is missing: build it first with \`npx nx run ${app}:build\``);
  }
  return script;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface NodeProcess {
  child: ChildProcess;
  /** Everything it printed, for a failing test's message. */
  output(): string;
  exited: Promise<number | null>;
  /** Sends the signal and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Runs a built app with `env` and resolves once it is ready: it printed `ready` (a pattern), or
 * `ready()` resolved true (e.g. a health check answered).
 */
export async function startNode(
  script: string,
  env: Record<string, string>,
  ready: RegExp | (() => Promise<boolean>),
  timeoutMs = 30_000,
): Promise<NodeProcess> {
  const child = spawn(process.execPath, [script], {
    cwd: workspaceRoot(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      child.kill('SIGKILL');
      reject(new Error(`${script} not ready within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const done = () => {
      settled = true;
      clearTimeout(timer);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-200_000);
      if (!settled && ready instanceof RegExp && ready.test(output)) done();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      if (settled) return;
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready:\n${output}`));
    });
    if (typeof ready === 'function') {
      void (async () => {
        while (!settled && child.exitCode === null) {
          if (await ready().catch(() => false)) return done();
          await new Promise((r) => setTimeout(r, 200));
        }
      })();
    }
  });
  return {
    child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export interface RedisServer {
  url: string;
  /** Shuts the server down (its append-only file keeps the data, as a production Redis would). */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory. */
  start(): Promise<void>;
  /** Stops it and deletes its files. */
  destroy(): Promise<void>;
}

/**
 * A private redis-server on a free port, for tests that take Redis away: never the shared one.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'pw-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''],
      { stdio: 'ignore' },
    );
    const current = child;
    exited = new Promise((resolve) => current.once('exit', () => resolve()));
    await waitForRedis(url, 10_000);
  };
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url,
    stop,
    start,
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

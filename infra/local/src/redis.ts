import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import type { ServicePlan } from './config';
import type { LogSink } from './log';
import { freePort } from './ports';
import type { Supervisor } from './processes';

export interface RedisService {
  url: string;
  origin: 'configured' | 'local' | 'embedded';
}

export const REDIS_HELP =
  'Redis is needed and none could be found or started. Install it (Debian/Ubuntu: "apt-get install redis-server", ' +
  'macOS: "brew install redis"), or point REDIS_URL at a server (e.g. REDIS_URL=redis://127.0.0.1:6379), ' +
  'or start one with "docker compose -f infra/docker-compose.yml up -d redis".';

/** Null when the server answers PING, else the reason it did not. */
export async function pingError(url: string): Promise<string | null> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const answer = await client.ping();
    return answer === 'PONG' ? null : `answered ${answer}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    client.disconnect();
  }
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs Debian's redis-server when we may (root with apt-get); true when it is on the PATH afterwards. */
export function ensureRedisServerBinary(log: LogSink): boolean {
  if (onPath('redis-server')) return true;
  if (process.getuid?.() !== 0 || !onPath('apt-get')) return false;
  log('start', 'redis-server is not installed; installing the Debian package (apt-get install redis-server)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  return (
    apt(['update']) &&
    apt(['install', '-y', '--no-install-recommends', 'redis-server']) &&
    onPath('redis-server')
  );
}

async function waitForPing(url: string, alive: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let problem: string | null = 'not tried';
  while (Date.now() < deadline && alive()) {
    problem = await pingError(url);
    if (!problem) return;
    await sleep(100);
  }
  throw new Error(`redis-server did not answer PING (${alive() ? problem : 'it exited'})`);
}

export interface RedisOptions {
  plan: ServicePlan;
  dataDir: string;
  supervisor: Supervisor;
  log: LogSink;
}

/**
 * Uses the configured or local Redis, or starts redis-server (no persistence: BullMQ state is
 * rebuilt from the outbox) as a supervised child that stops with the stack.
 */
export async function obtainRedis({ plan, dataDir, supervisor, log }: RedisOptions): Promise<RedisService> {
  if (plan.kind === 'url') {
    const problem = await pingError(plan.url);
    if (problem) throw new Error(`REDIS_URL (${plan.url}) does not answer PING: ${problem}`);
    return { url: plan.url, origin: 'configured' };
  }
  if (plan.kind === 'probe') {
    const url = `redis://${plan.probe.host}:${plan.probe.port}`;
    const problem = await pingError(url);
    if (!problem) return { url, origin: 'local' };
    log(
      'start',
      `no Redis answers on ${plan.probe.host}:${plan.probe.port} (${problem}); starting redis-server`,
    );
  } else {
    log('start', `starting redis-server (${plan.reason})`);
  }
  if (!ensureRedisServerBinary(log)) throw new Error(REDIS_HELP);
  const dir = join(dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const proc = supervisor.start({
    name: 'redis',
    command: 'redis-server',
    args: [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--logfile',
      join(dir, 'redis.log'),
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    cwd: dir,
    env: process.env,
  });
  const url = `redis://127.0.0.1:${port}`;
  await waitForPing(url, () => proc.running, 15_000);
  log('start', `redis-server is up on 127.0.0.1:${port}`);
  return { url, origin: 'embedded' };
}

/** Deletes every key under `prefix` (a test run's BullMQ queues), in batches. */
export async function deleteKeys(url: string, prefix: string): Promise<number> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  await client.connect();
  let deleted = 0;
  try {
    for await (const keys of client.scanStream({ match: `${prefix}:*`, count: 500 }) as AsyncIterable<
      string[]
    >) {
      if (keys.length > 0) deleted += await client.unlink(...keys);
    }
  } finally {
    client.disconnect();
  }
  return deleted;
}

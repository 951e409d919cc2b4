import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { LibrarySearchQuery } from '@pathways/contracts';
// The benchmark measures the API's own statement, so it reaches into the app on purpose.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { librarySearchStatement } from '../../apps/api/src/library/library-search.sql';
import { startBaseline } from './baseline-server';
import { loadBenchDatabase } from './load';
import { queryMix } from './query-mix';

/**
 * `npm run bench -- --size 10000 [--size 100000]`: loads (or reuses) the bench database of each size,
 * starts the built API and web against it plus the bare baseline, and prints a Markdown table.
 */
// Compiled to bench/dist/bench/src.
const root = join(__dirname, '../../../..');
const admin = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const ports = { api: 3931, baseline: 3932, web: 3933, cachedApi: 3934 };

function sizes(): number[] {
  const args = process.argv.slice(2);
  const chosen = args.flatMap((a, i) => (a === '--size' ? [Number(args[i + 1])] : []));
  if (chosen.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--size takes a number of practices');
  return chosen.length ? chosen : [10_000];
}

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

function start(script: string, cwd: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [join(root, script)], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

interface Load {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

async function cannon(
  base: string,
  paths: readonly string[],
  options: { rate?: number; connections: number },
): Promise<Load> {
  const result = await autocannon({
    url: base,
    connections: options.connections,
    duration: seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    p50: result.latency.p50,
    p95: percentile95(result),
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

// autocannon reports p90 and p97.5; p95 lies between them (interpolated).
const percentile95 = (r: autocannon.Result) => Math.round(((r.latency.p90 + r.latency.p97_5) / 2) * 10) / 10;

/**
 * The JavaScript a visitor's browser loads for /library: the entry modules the page imports, the
 * page's route nodes (its `node_ids`), and every module they import statically, gzip-compressed.
 */
async function shippedJs(webUrl: string): Promise<number> {
  const page = `${webUrl}/library`;
  const html = await fetch(page).then((r) => r.text());
  const queue = [...html.matchAll(/import\("([^"]+\.js)"\)/g)].map((m) => new URL(m[1], page).toString());
  const nodeIds = (/node_ids:\s*\[([\d,\s]+)\]/.exec(html)?.[1] ?? '').split(',').map((n) => n.trim());
  const seen = new Set<string>();
  let bytes = 0;
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = await fetch(url).then((r) => r.text());
    bytes += gzipSync(code).length;
    for (const m of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g))
      queue.push(new URL(m[1], url).toString());
    for (const m of code.matchAll(/"(\.\.\/nodes\/(\d+)\.[\w-]+\.js)"/g))
      if (nodeIds.includes(m[2])) queue.push(new URL(m[1], url).toString());
  }
  return bytes;
}

async function explainTimes(url: string): Promise<{ query: string; ms: number }[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const out = [];
    for (const raw of [
      'q=domestic+workers',
      'q=remesas',
      'q=%22pre-departure+orientation%22',
      'theme=pre-departure-orientation',
      'q=training&country=PH&stage=pre-departure&year=2018',
      '',
    ]) {
      const query = LibrarySearchQuery.parse(Object.fromEntries(new URLSearchParams(raw)));
      const { sql, params } = librarySearchStatement(query, query.q?.trim() || undefined);
      let n = 0;
      const { rows } = await client.query<{ 'QUERY PLAN': { 'Execution Time': number }[] }>(
        `explain (analyze, buffers, format json) ${sql.replace(/\?/g, () => `$${++n}`)}`,
        params,
      );
      out.push({ query: raw || '(no parameters)', ms: rows[0]['QUERY PLAN'][0]['Execution Time'] });
    }
    return out;
  } finally {
    await client.end();
  }
}

const fmt = (l: Load) =>
  `${l.p50} / ${l.p95} / ${l.p99} ms, ${l.rps.toFixed(1)} req/s${l.errors ? `, ${l.errors} errors` : ''}`;

async function benchSize(size: number): Promise<string[]> {
  const databaseUrl = await loadBenchDatabase(admin, size);
  const paths = queryMix.map((q) => `/api/library/practices${q ? `?${q}` : ''}`);
  const apiEnv = {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    REDIS_PREFIX: `bench${size}`,
    NODE_ENV: 'production',
  };
  // Compared with the baseline without its result cache, which would answer the repeated mix from
  // memory; a second API with the cache shows what it gives.
  const api = start('apps/api/dist/apps/api/src/main.js', root, {
    ...apiEnv,
    API_PORT: String(ports.api),
    LIBRARY_SEARCH_CACHE: '0',
  });
  const cachedApi = start('apps/api/dist/apps/api/src/main.js', root, {
    ...apiEnv,
    API_PORT: String(ports.cachedApi),
  });
  const web = start('apps/web/build/index.js', join(root, 'apps/web'), {
    HOST: '127.0.0.1',
    PORT: String(ports.web),
    ORIGIN: `http://127.0.0.1:${ports.web}`,
    API_URL: `http://127.0.0.1:${ports.api}`,
  });
  const baseline = await startBaseline(databaseUrl, ports.baseline);
  try {
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    const webUrl = `http://127.0.0.1:${ports.web}`;
    const cachedUrl = `http://127.0.0.1:${ports.cachedApi}`;
    await waitFor(`${apiUrl}/api/library/practices?pageSize=1`, api);
    await waitFor(`${cachedUrl}/api/library/practices?pageSize=1`, cachedApi);
    await waitFor(`${webUrl}/library`, web);
    // Warm both: connection pools, JIT, the database's buffers.
    await cannon(apiUrl, paths, { connections: 2 });
    await cannon(baseline.url, paths, { connections: 2 });
    const apiFixed = await cannon(apiUrl, paths, { rate: 10, connections: 4 });
    const apiMax = await cannon(apiUrl, paths, { connections: 8 });
    const baseMax = await cannon(baseline.url, paths, { connections: 8 });
    await cannon(cachedUrl, paths, { connections: 2 });
    const cachedMax = await cannon(cachedUrl, paths, { connections: 8 });
    const ssrPaths = queryMix.map((q) => `/library${q ? `?${q}` : ''}`);
    const ssr = await cannon(webUrl, ssrPaths, { rate: 10, connections: 4 });
    const js = await shippedJs(webUrl);
    const explains = await explainTimes(databaseUrl);
    return [
      `| ${size} | search API at 10 req/s (p50 / p95 / p99) | ${fmt(apiFixed)} |`,
      `| ${size} | search API at max (8 connections) | ${fmt(apiMax)} |`,
      `| ${size} | baseline Fastify + pg at max | ${fmt(baseMax)} |`,
      `| ${size} | API / baseline throughput | ${(apiMax.rps / baseMax.rps).toFixed(2)} |`,
      `| ${size} | search API with its result cache at max | ${fmt(cachedMax)} |`,
      `| ${size} | library page SSR at 10 req/s | ${fmt(ssr)} |`,
      `| ${size} | JavaScript shipped to /library (gzip) | ${(js / 1024).toFixed(1)} KB |`,
      ...explains.map((e) => `| ${size} | EXPLAIN ANALYZE \`${e.query}\` | ${e.ms.toFixed(1)} ms |`),
    ];
  } finally {
    await baseline.close();
    api.kill();
    cachedApi.kill();
    web.kill();
  }
}

async function main() {
  const lines = ['| practices | measure | result |', '| --- | --- | --- |'];
  for (const size of sizes()) lines.push(...(await benchSize(size)));
  console.log(`\n${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

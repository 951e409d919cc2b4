import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildSpec } from './processes';

/** The built entry points, relative to the workspace root (see each project's build target). */
export const ENTRY = {
  api: 'apps/api/dist/apps/api/src/main.js',
  cli: 'apps/api/dist/apps/api/src/cli.js',
  worker: 'apps/worker/dist/apps/worker/src/main.js',
  web: 'apps/web/build/index.js',
} as const;

export function missingBuilds(root: string): string[] {
  return Object.values(ENTRY).filter((file) => !existsSync(join(root, file)));
}

export interface AppsEnv {
  root: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  apiHost: string;
  apiPort: number;
  webHost: string;
  webPort: number;
  logLevel?: string;
  /** Extra variables for the api and worker, e.g. SMTP_URL. */
  extra?: Record<string, string>;
}

const node = (
  name: string,
  cwd: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): ChildSpec => ({
  name,
  command: process.execPath,
  args: [script, ...args],
  cwd,
  env,
});

export const apiUrl = (a: AppsEnv) => `http://${a.apiHost}:${a.apiPort}`;
export const webUrl = (a: AppsEnv) => `http://${a.webHost}:${a.webPort}`;

function backendEnv(a: AppsEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...a.extra,
    DATABASE_URL: a.databaseUrl,
    REDIS_URL: a.redisUrl,
    REDIS_PREFIX: a.redisPrefix,
    API_HOST: a.apiHost,
    API_PORT: String(a.apiPort),
    ...(a.logLevel ? { LOG_LEVEL: a.logLevel } : {}),
  };
}

export const cliSpec = (a: AppsEnv, command: 'migrate' | 'seed') =>
  node(command, a.root, join(a.root, ENTRY.cli), [command], backendEnv(a));

// The web server forwards each visitor's address; the API trusts it from loopback only, so log-in
// limits apply per visitor rather than to everyone behind the web server.
export const apiSpec = (a: AppsEnv) =>
  node('api', a.root, join(a.root, ENTRY.api), [], {
    ...backendEnv(a),
    TRUST_PROXY: process.env.TRUST_PROXY ?? 'loopback',
    // Feeds and exports link to the web app the stack actually serves.
    PUBLIC_WEB_URL: webUrl(a),
  });

// E-mails link to the web app the stack actually serves.
export const workerSpec = (a: AppsEnv) =>
  node('worker', a.root, join(a.root, ENTRY.worker), [], { ...backendEnv(a), WEB_URL: webUrl(a) });

export const webSpec = (a: AppsEnv) =>
  node('web', join(a.root, 'apps/web'), join(a.root, ENTRY.web), [], {
    ...process.env,
    HOST: a.webHost,
    PORT: String(a.webPort),
    ORIGIN: webUrl(a),
    API_URL: apiUrl(a),
    // Attachments (up to 20 MB) pass through the web's upload action; adapter-node allows 512K.
    BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '21M',
  });

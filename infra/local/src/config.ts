import { resolve } from 'node:path';
import { ConfigError, type HostPort, parseHostPort, parsePort } from './ports';

/** Where PostgreSQL (or Redis) comes from, decided from the environment before anything runs. */
export type ServicePlan =
  { kind: 'url'; url: string } | { kind: 'probe'; probe: HostPort } | { kind: 'embedded'; reason: string };

export interface StackConfig {
  root: string;
  dataDir: string;
  apiHost: string;
  apiPort: number;
  webHost: string;
  webPort: number;
  redisPrefix: string;
  logLevel: string | undefined;
  postgres: ServicePlan;
  redis: ServicePlan;
}

export const DEFAULTS = {
  apiPort: 3100,
  webPort: 3000,
  host: '127.0.0.1',
  pgProbe: { host: '127.0.0.1', port: 5432 },
  redisProbe: { host: '127.0.0.1', port: 6379 },
  redisPrefix: 'pathways',
} as const;

const truthy = (value: string | undefined) => /^(1|true|yes|on)$/i.test(value?.trim() ?? '');
const nonEmpty = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);

/**
 * Precedence: PATHWAYS_EMBEDDED=1 forces our own server; else an explicit URL; else a server
 * answering on the probe address; else (decided later, when the probe fails) our own server.
 */
export function planService(
  env: NodeJS.ProcessEnv,
  urlVariable: 'DATABASE_URL' | 'REDIS_URL',
  probeVariable: 'PATHWAYS_PG_PROBE' | 'PATHWAYS_REDIS_PROBE',
  fallbackProbe: HostPort,
): ServicePlan {
  if (truthy(env['PATHWAYS_EMBEDDED'])) return { kind: 'embedded', reason: 'PATHWAYS_EMBEDDED is set' };
  const url = nonEmpty(env[urlVariable]);
  if (url) {
    const scheme = urlVariable === 'DATABASE_URL' ? /^postgres(ql)?:\/\// : /^rediss?:\/\//;
    if (!scheme.test(url)) {
      throw new ConfigError(
        `${urlVariable} must start with ${urlVariable === 'DATABASE_URL' ? 'postgres://' : 'redis://'}`,
      );
    }
    return { kind: 'url', url };
  }
  return { kind: 'probe', probe: parseHostPort(probeVariable, env[probeVariable], fallbackProbe) };
}

export function readConfig(env: NodeJS.ProcessEnv, root: string): StackConfig {
  return {
    root,
    dataDir: resolve(root, nonEmpty(env['PATHWAYS_DATA_DIR']) ?? '.data'),
    apiHost: nonEmpty(env['API_HOST']) ?? DEFAULTS.host,
    apiPort: parsePort('API_PORT', env['API_PORT'], DEFAULTS.apiPort),
    webHost: nonEmpty(env['WEB_HOST']) ?? DEFAULTS.host,
    webPort: parsePort('WEB_PORT', env['WEB_PORT'], DEFAULTS.webPort),
    redisPrefix: nonEmpty(env['REDIS_PREFIX']) ?? DEFAULTS.redisPrefix,
    logLevel: nonEmpty(env['LOG_LEVEL']),
    postgres: planService(env, 'DATABASE_URL', 'PATHWAYS_PG_PROBE', DEFAULTS.pgProbe),
    redis: planService(env, 'REDIS_URL', 'PATHWAYS_REDIS_PROBE', DEFAULTS.redisProbe),
  };
}

import { describe, expect, it } from 'vitest';
import { planService, readConfig } from './config';
import { ConfigError } from './ports';

const pgProbe = { host: '127.0.0.1', port: 5432 };
const planPg = (env: NodeJS.ProcessEnv) => planService(env, 'DATABASE_URL', 'PATHWAYS_PG_PROBE', pgProbe);

describe('planService (where PostgreSQL and Redis come from)', () => {
  it('probes the default local server when nothing is set', () => {
    expect(planPg({})).toEqual({ kind: 'probe', probe: pgProbe });
  });

  it('takes the URL when one is set', () => {
    expect(planPg({ DATABASE_URL: 'postgres://u:p@db:5432/x' })).toEqual({
      kind: 'url',
      url: 'postgres://u:p@db:5432/x',
    });
  });

  it('treats an empty URL as unset', () => {
    expect(planPg({ DATABASE_URL: '' }).kind).toBe('probe');
  });

  it('probes the overridden address', () => {
    expect(planPg({ PATHWAYS_PG_PROBE: '127.0.0.1:1' })).toEqual({
      kind: 'probe',
      probe: { host: '127.0.0.1', port: 1 },
    });
  });

  it.each(['1', 'true', 'YES'])('PATHWAYS_EMBEDDED=%s forces our own server, even over a URL', (flag) => {
    expect(planPg({ PATHWAYS_EMBEDDED: flag, DATABASE_URL: 'postgres://db/x' })).toEqual({
      kind: 'embedded',
      reason: 'PATHWAYS_EMBEDDED is set',
    });
  });

  it('ignores PATHWAYS_EMBEDDED=0', () => {
    expect(planPg({ PATHWAYS_EMBEDDED: '0' }).kind).toBe('probe');
  });

  it('rejects a URL of the wrong kind', () => {
    expect(() => planPg({ DATABASE_URL: 'mysql://db/x' })).toThrow(ConfigError);
    expect(() =>
      planService({ REDIS_URL: 'http://x' }, 'REDIS_URL', 'PATHWAYS_REDIS_PROBE', pgProbe),
    ).toThrow(/REDIS_URL must start with redis:\/\//);
  });
});

describe('readConfig', () => {
  it('has the documented defaults', () => {
    expect(readConfig({}, '/repo')).toEqual({
      root: '/repo',
      dataDir: '/repo/.data',
      apiHost: '127.0.0.1',
      apiPort: 3100,
      webHost: '127.0.0.1',
      webPort: 3000,
      redisPrefix: 'pathways',
      logLevel: undefined,
      postgres: { kind: 'probe', probe: { host: '127.0.0.1', port: 5432 } },
      redis: { kind: 'probe', probe: { host: '127.0.0.1', port: 6379 } },
    });
  });

  it('reads ports, data dir and prefix from the environment', () => {
    const config = readConfig(
      {
        API_PORT: '4100',
        WEB_PORT: '4000',
        PATHWAYS_DATA_DIR: 'tmp/data',
        REDIS_PREFIX: 'px',
        LOG_LEVEL: 'debug',
      },
      '/repo',
    );
    expect(config).toMatchObject({
      apiPort: 4100,
      webPort: 4000,
      dataDir: '/repo/tmp/data',
      redisPrefix: 'px',
      logLevel: 'debug',
    });
  });

  it('fails on a bad port with a message naming the variable', () => {
    expect(() => readConfig({ API_PORT: 'x' }, '/repo')).toThrow(/^API_PORT must be a port number/);
  });
});

import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { assertPortsFree, ConfigError, freePort, isPortFree, parseHostPort, parsePort } from './ports';

describe('parsePort', () => {
  it('falls back when unset or blank', () => {
    expect(parsePort('API_PORT', undefined, 3100)).toBe(3100);
    expect(parsePort('API_PORT', '  ', 3100)).toBe(3100);
  });

  it('reads a port', () => {
    expect(parsePort('API_PORT', ' 8080 ', 3100)).toBe(8080);
  });

  it.each(['abc', '0', '65536', '3.5', '-1', '80a'])('rejects %j naming the variable', (raw) => {
    expect(() => parsePort('WEB_PORT', raw, 3000)).toThrow(ConfigError);
    expect(() => parsePort('WEB_PORT', raw, 3000)).toThrow(/^WEB_PORT must be a port number/);
  });
});

describe('parseHostPort', () => {
  const fallback = { host: '127.0.0.1', port: 5432 };

  it('falls back when unset', () => {
    expect(parseHostPort('PATHWAYS_PG_PROBE', undefined, fallback)).toEqual(fallback);
  });

  it('reads host:port and [ipv6]:port', () => {
    expect(parseHostPort('PATHWAYS_PG_PROBE', 'db.local:6543', fallback)).toEqual({
      host: 'db.local',
      port: 6543,
    });
    expect(parseHostPort('PATHWAYS_PG_PROBE', '[::1]:5433', fallback)).toEqual({ host: '::1', port: 5433 });
  });

  it.each(['5432', 'localhost', 'host:', ':5432', 'a:b:c'])('rejects %j', (raw) => {
    expect(() => parseHostPort('PATHWAYS_PG_PROBE', raw, fallback)).toThrow(
      /PATHWAYS_PG_PROBE must look like host:port/,
    );
  });
});

describe('port availability', () => {
  const servers: Server[] = [];
  const occupy = async (): Promise<number> => {
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || !address) throw new Error('no address');
    return address.port;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('tells a busy port from a free one', async () => {
    const busy = await occupy();
    expect(await isPortFree('127.0.0.1', busy)).toBe(false);
    expect(await isPortFree('127.0.0.1', await freePort())).toBe(true);
  });

  it('names the busy port and the variable that moves it, in one line', async () => {
    const busy = await occupy();
    const claims = [
      { variable: 'WEB_PORT', what: 'web app', host: '127.0.0.1', port: await freePort() },
      { variable: 'API_PORT', what: 'API', host: '127.0.0.1', port: busy },
    ];
    const error = await assertPortsFree(claims).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      `Port ${busy} on 127.0.0.1 (API) is already in use. Stop whatever is using it, or pick another port: API_PORT=<port> npm start`,
    );
  });

  it('refuses the same port for two variables', async () => {
    const port = await freePort();
    await expect(
      assertPortsFree([
        { variable: 'API_PORT', what: 'API', host: '127.0.0.1', port },
        { variable: 'WEB_PORT', what: 'web app', host: '127.0.0.1', port },
      ]),
    ).rejects.toThrow(`API_PORT and WEB_PORT are both ${port}`);
  });

  it('passes when every port is free', async () => {
    await expect(
      assertPortsFree([{ variable: 'API_PORT', what: 'API', host: '127.0.0.1', port: await freePort() }]),
    ).resolves.toBeUndefined();
  });
});

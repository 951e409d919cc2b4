import { describe, expect, it } from 'vitest';
import { redisConnectionOptions } from './redis.connection';
import { prefixedKey, RedisPrefix } from './redis.prefix';
import { workerHeartbeatKey } from './worker-heartbeat';

describe('redisConnectionOptions', () => {
  it('parses host, port, credentials and database', () => {
    expect(redisConnectionOptions('redis://user:p%40ss@cache.internal:6380/3')).toEqual({
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 3,
      maxRetriesPerRequest: 2,
    });
  });

  it('defaults the port, enables TLS for rediss and retries forever for workers', () => {
    expect(redisConnectionOptions('rediss://:secret@[::1]', 'worker')).toEqual({
      host: '::1',
      port: 6379,
      password: 'secret',
      tls: {},
      maxRetriesPerRequest: null,
    });
  });

  it.each(['http://127.0.0.1:6379', 'not a url', 'redis://127.0.0.1:6379/abc'])('rejects %s', (url) => {
    expect(() => redisConnectionOptions(url)).toThrow();
  });
});

describe('prefix', () => {
  it.each(['pathways', '{pathways}', 'pw_t_0a1b2c'])('accepts %s', (p) => {
    expect(RedisPrefix.safeParse(p).success).toBe(true);
  });

  it.each(['', 'a:b', '{a', 'a b', 'x*'])('rejects %j', (p) => {
    expect(RedisPrefix.safeParse(p).success).toBe(false);
  });

  it('builds keys under the prefix', () => {
    expect(prefixedKey('{pathways}', 'a', 'b')).toBe('{pathways}:a:b');
    expect(workerHeartbeatKey('pathways')).toBe('pathways:worker:heartbeat');
  });
});

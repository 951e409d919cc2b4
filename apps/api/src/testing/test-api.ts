import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { PlatformRole, SessionGrant } from '@pathways/contracts';
import { User } from '@pathways/persistence';
import { createTestDatabase, type TestDatabase } from '@pathways/persistence/testing';
import { Redis } from 'ioredis';
import type { InjectOptions } from 'light-my-request';
import { createApp } from '../app.factory';
import { type ApiConfig, loadApiConfig } from '../config/api-config';

export interface TestApi {
  app: NestFastifyApplication;
  config: ApiConfig;
  request(options: InjectOptions): ReturnType<NestFastifyApplication['inject']>;
  /** Registers a new account (unique e-mail) and returns its session, optionally with platform roles. */
  signUp(options?: { roles?: PlatformRole[]; name?: string }): Promise<SessionGrant & { password: string }>;
  close(): Promise<void>;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined); // a test may point at a Redis that is deliberately absent
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // nothing was stored where nothing listens
  } finally {
    redis.disconnect();
  }
}

/** The real API on its own database and Redis prefix; requests go through Fastify's inject. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const db: TestDatabase = await createTestDatabase();
  const config = loadApiConfig({
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `pw_t_${randomBytes(6).toString('hex')}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    ...env,
  });
  const app = await createApp(config);
  let counter = 0;

  const request = (options: InjectOptions) => app.inject(options);
  return {
    app,
    config,
    request,
    async signUp({ roles = [], name } = {}) {
      const password = `correct horse ${randomBytes(4).toString('hex')}`;
      const email = `user${++counter}.${randomBytes(3).toString('hex')}@example.org`;
      const response = await request({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email, name: name ?? `Test User ${counter}`, password },
      });
      if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.body}`);
      const grant = response.json<SessionGrant>();
      if (roles.length) {
        const em = app.get(EntityManager).fork();
        await em.nativeUpdate(User, { id: grant.user.id }, { roles: ['partner', ...roles] });
        grant.user.roles = ['partner', ...roles];
      }
      return { ...grant, password };
    },
    async close() {
      await app.close();
      await db.drop();
      await deleteKeys(config.REDIS_URL, config.REDIS_PREFIX);
    },
  };
}

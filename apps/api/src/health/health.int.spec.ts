import { writeWorkerHeartbeat } from '@pathways/queues';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/test-api';

describe('health', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('is live and ready when PostgreSQL and Redis answer', async () => {
    expect((await api.request({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    const ready = await api.request({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ready',
      checks: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('reports the worker heartbeat once one has been recorded', async () => {
    const redis = new Redis(api.config.REDIS_URL);
    const at = new Date('2026-11-28T10:00:00Z');
    await writeWorkerHeartbeat(redis, api.config.REDIS_PREFIX, at, 'test-worker');
    redis.disconnect();
    const ready = (await api.request({ method: 'GET', url: '/health/ready' })).json();
    expect(ready.workerHeartbeatAt).toBe(at.toISOString());
  });

  it('echoes a caller’s request id and sends security headers', async () => {
    const response = await api.request({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'web-1234' },
    });
    expect(response.headers['x-request-id']).toBe('web-1234');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers unknown routes with the error shape', async () => {
    const response = await api.request({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      requestId: expect.any(String),
    });
  });
});

describe('health without Redis', () => {
  let api: TestApi;
  beforeAll(async () => {
    // Nothing listens on port 1: Redis is "down" while PostgreSQL is up.
    api = await startTestApi({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(() => api?.close().catch(() => undefined));

  it('is not ready, and says which dependency is down', async () => {
    const ready = await api.request({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({
      status: 'not_ready',
      checks: { database: { status: 'up' }, redis: { status: 'down' } },
    });
  });
});

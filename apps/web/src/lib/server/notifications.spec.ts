import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiClient } from './api';
import { ApiFailure } from './api-failure';
import { notificationHref, unreadNotifications } from './notifications';

describe('notificationHref', () => {
  it('follows paths of this site only', () => {
    expect(notificationHref('/practices/123')).toBe('/practices/123');
    expect(notificationHref(null)).toBeNull();
    expect(notificationHref('https://elsewhere.example/')).toBeNull();
    expect(notificationHref('//elsewhere.example/')).toBeNull();
    expect(notificationHref('/\\elsewhere.example/')).toBeNull();
    expect(notificationHref('javascript:alert(1)')).toBeNull();
  });
});

describe('unreadNotifications', () => {
  const apiAnswering = (answer: () => Promise<unknown>) =>
    ({
      get: async (_path: string, schema: z.ZodType) => schema.parse(await answer()),
    }) as unknown as ApiClient;

  it('reads the unread count from one small page', async () => {
    const api = apiAnswering(async () => ({ items: [], total: 4, unread: 3, page: 1, pageSize: 1 }));
    expect(await unreadNotifications(api)).toBe(3);
  });

  it('gives no count rather than a broken page when the API fails', async () => {
    const api = apiAnswering(async () => {
      throw new ApiFailure(503, {
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: 'down',
        requestId: '',
      });
    });
    expect(await unreadNotifications(api)).toBeNull();
  });
});

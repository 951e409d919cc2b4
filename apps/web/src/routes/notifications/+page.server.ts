import { NotificationDto, NotificationPage } from '@pathways/contracts';
import { z } from 'zod';
import { actionFailure, loadFailure } from '$lib/server/failures';
import { requireUser } from '$lib/server/guard';
import { notificationHref } from '$lib/server/notifications';
import { pageParam } from '$lib/server/query';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
  requireUser(locals, url);
  try {
    const list = await locals.api.get('/api/notifications', NotificationPage, {
      page: pageParam(url),
      pageSize,
    });
    return {
      notifications: {
        ...list,
        items: list.items.map((item) => ({ ...item, href: notificationHref(item.link) })),
      },
    };
  } catch (cause) {
    loadFailure(cause);
  }
};

export const actions: Actions = {
  read: async ({ request, locals, url }) => {
    requireUser(locals, url);
    const id = String((await request.formData()).get('id') ?? '');
    try {
      await locals.api.post(`/api/notifications/${encodeURIComponent(id)}/read`, NotificationDto);
      return { read: id };
    } catch (cause) {
      return actionFailure(cause, { target: id });
    }
  },
  readAll: async ({ locals, url }) => {
    requireUser(locals, url);
    try {
      const { marked } = await locals.api.post(
        '/api/notifications/read-all',
        z.object({ marked: z.number().int() }),
      );
      return { marked };
    } catch (cause) {
      return actionFailure(cause, { target: 'all' });
    }
  },
};

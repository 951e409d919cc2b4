import { NotificationPage } from '@pathways/contracts';
import type { ApiClient } from './api';

/** How many notifications the caller has not read; null when the API cannot say (the header then shows none). */
export async function unreadNotifications(api: ApiClient): Promise<number | null> {
  try {
    return (await api.get('/api/notifications', NotificationPage, { pageSize: 1 })).unread;
  } catch (cause) {
    console.warn('could not count unread notifications', cause);
    return null;
  }
}

/**
 * Where a notification leads, when it leads somewhere on this site: only same-site paths are
 * followed, so a stored link can never send anyone elsewhere.
 */
export function notificationHref(link: string | null): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) return null;
  return link;
}

import { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { NotificationDto, NotificationListQuery, NotificationPage } from '@pathways/contracts';
import { Notification } from '@pathways/persistence';
import { accessibleFilter } from '@pathways/permissions';
import type { SignedInCaller } from '../access/caller';
import { notFound } from '../common/domain-error';

const toDto = (n: Notification): NotificationDto => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});

/** In-app notifications, written by the worker; each person reads and marks only their own. */
@Injectable()
export class NotificationsService {
  constructor(private readonly em: EntityManager) {}

  async list(query: NotificationListQuery, caller: SignedInCaller): Promise<NotificationPage> {
    const mine = (accessibleFilter(caller.ability, 'read', 'Notification') ?? {
      id: null,
    }) as FilterQuery<Notification>;
    const where: FilterQuery<Notification> = query.unread ? { $and: [mine, { readAt: null }] } : mine;
    const [[rows, total], unread] = await Promise.all([
      this.em.findAndCount(Notification, where, {
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      }),
      this.em.fork().count(Notification, { $and: [mine, { readAt: null }] }),
    ]);
    return { items: rows.map(toDto), total, unread, page: query.page, pageSize: query.pageSize };
  }

  async markRead(id: string, caller: SignedInCaller): Promise<NotificationDto> {
    const mine = accessibleFilter(
      caller.ability,
      'update',
      'Notification',
    ) as FilterQuery<Notification> | null;
    const notification = mine && (await this.em.findOne(Notification, { $and: [mine, { id }] }));
    if (!notification) throw notFound('notification');
    notification.readAt ??= new Date();
    await this.em.flush();
    return toDto(notification);
  }

  async markAllRead(caller: SignedInCaller): Promise<{ marked: number }> {
    const mine = accessibleFilter(
      caller.ability,
      'update',
      'Notification',
    ) as FilterQuery<Notification> | null;
    if (!mine) return { marked: 0 };
    const marked = await this.em.nativeUpdate(
      Notification,
      { $and: [mine, { readAt: null }] },
      { readAt: new Date() },
    );
    return { marked };
  }
}

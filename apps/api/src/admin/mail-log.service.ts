import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type {
  EmailDelivery as EmailDeliveryDto,
  EmailDeliveryListQuery,
  EmailDeliveryPage,
} from '@pathways/contracts';
import { EmailDelivery } from '@pathways/persistence';
import { likePattern } from '../common/ids';

const toDto = (row: EmailDelivery): EmailDeliveryDto => ({
  id: row.id,
  key: row.key,
  to: row.to,
  subject: row.subject,
  text: row.text,
  locale: row.locale,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
});

/** Every e-mail the worker sent or is sending, so mail is visible even without a mail server. */
@Injectable()
export class MailLogService {
  constructor(private readonly em: EntityManager) {}

  async list(query: EmailDeliveryListQuery): Promise<EmailDeliveryPage> {
    const where: FilterQuery<EmailDelivery> = query.to ? { to: { $ilike: likePattern(query.to) } } : {};
    const [rows, total] = await this.em.findAndCount(EmailDelivery, where, {
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }
}

import { z } from 'zod';
import { PageQuery, pageOf } from './pagination';

export const emailDeliveryStatuses = ['sending', 'sent'] as const;

/** One e-mail the worker sent (or is sending), as admins see it in the mail log. */
export const EmailDelivery = z.object({
  id: z.uuid(),
  /** Idempotency key: the same key is never sent twice. */
  key: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  locale: z.string(),
  status: z.enum(emailDeliveryStatuses),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type EmailDelivery = z.infer<typeof EmailDelivery>;

export const EmailDeliveryListQuery = PageQuery.extend({
  /** Part of the recipient's address. */
  to: z.string().trim().max(254, 'to must be at most 254 characters').optional(),
});
export type EmailDeliveryListQuery = z.infer<typeof EmailDeliveryListQuery>;

/** The mail log, newest first. */
export const EmailDeliveryPage = pageOf(EmailDelivery);
export type EmailDeliveryPage = z.infer<typeof EmailDeliveryPage>;

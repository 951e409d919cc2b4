import { z } from 'zod';
import { Locale } from './locale';
import { PageQuery } from './pagination';
import { GrantableRole, PlatformRole } from './roles';

export const Email = z
  .string({ error: 'Enter an e-mail address' })
  .trim()
  .toLowerCase()
  .max(254, 'The e-mail address must be at most 254 characters')
  .pipe(z.email({ error: 'Enter a valid e-mail address' }));

export const PersonName = z
  .string({ error: 'Enter your name' })
  .trim()
  .min(1, 'Enter your name')
  .max(120, 'The name must be at most 120 characters');

export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: Locale,
  roles: z.array(PlatformRole),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof User>;

export const UpdateProfileInput = z
  .object({ name: PersonName.optional(), locale: Locale.optional() })
  .strict();
export type UpdateProfileInput = z.infer<typeof UpdateProfileInput>;

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(100, 'The search must be at most 100 characters').optional(),
  role: PlatformRole.optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserPage = z.object({
  items: z.array(User),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type UserPage = z.infer<typeof UserPage>;

export const GrantRoleInput = z.object({ role: GrantableRole }).strict();
export type GrantRoleInput = z.infer<typeof GrantRoleInput>;

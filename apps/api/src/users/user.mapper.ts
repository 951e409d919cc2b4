import type { User as UserDto } from '@pathways/contracts';
import type { User } from '@pathways/persistence';

export const toUserDto = (user: User): UserDto => ({
  id: user.id,
  email: user.email,
  name: user.name,
  locale: user.locale,
  roles: user.roles,
  createdAt: user.createdAt.toISOString(),
});

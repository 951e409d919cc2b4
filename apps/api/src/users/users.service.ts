import { EntityManager } from '@mikro-orm/postgresql';
import { type FilterQuery, LockMode } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import {
  type GrantableRole,
  GrantableRole as GrantableRoleSchema,
  type Me,
  type UpdateProfileInput,
  type User as UserDto,
  type UserListQuery,
  type UserPage,
} from '@pathways/contracts';
import { Membership, User } from '@pathways/persistence';
import { accessibleFilter, asSubject, packAbility } from '@pathways/permissions';
import type { Caller, SignedInCaller } from '../access/caller';
import { AuditService } from '../audit/audit.service';
import { conflict, fieldError, forbidden, notFound } from '../common/domain-error';
import { likePattern } from '../common/ids';
import { toMembershipDto } from '../organisations/organisation.mapper';
import { toUserDto } from './user.mapper';

const userSubject = (user: User) => asSubject('User', { id: user.id, roles: user.roles });

@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async me(caller: SignedInCaller): Promise<Me> {
    const memberships = await this.em.find(
      Membership,
      { user: caller.user },
      { populate: ['user', 'organisation'], orderBy: { createdAt: 'asc' } },
    );
    return {
      user: toUserDto(caller.user),
      memberships: memberships.map((m) => toMembershipDto(m, caller.ability)),
      rules: packAbility(caller.ability),
    };
  }

  async updateProfile(input: UpdateProfileInput, caller: SignedInCaller): Promise<UserDto> {
    this.em.assign(caller.user, input);
    await this.em.flush();
    return toUserDto(caller.user);
  }

  async list(query: UserListQuery, caller: Caller): Promise<UserPage> {
    const allowed = accessibleFilter(caller.ability, 'read', 'User');
    if (!allowed) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const where: FilterQuery<User>[] = [allowed as FilterQuery<User>];
    if (query.q) {
      const pattern = likePattern(query.q);
      where.push({ $or: [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }] });
    }
    if (query.role) where.push({ roles: { $contains: [query.role] } });
    const [rows, total] = await this.em.findAndCount(
      User,
      { $and: where },
      {
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      },
    );
    return { items: rows.map(toUserDto), total, page: query.page, pageSize: query.pageSize };
  }

  /** Granting a role the user already has changes nothing. */
  async grantRole(userId: string, role: GrantableRole, caller: SignedInCaller): Promise<UserDto> {
    const user = await this.manageable(userId, 'grant_role', caller);
    if (!user.roles.includes(role)) {
      user.roles = [...user.roles, role];
      this.audit.record(caller, 'user.role_granted', { type: 'User', id: user.id }, { role });
      await this.em.flush();
    }
    return toUserDto(user);
  }

  async revokeRole(userId: string, rawRole: string, caller: SignedInCaller): Promise<UserDto> {
    const parsed = GrantableRoleSchema.safeParse(rawRole);
    if (!parsed.success) throw fieldError('role', 'Choose one of: reviewer, editor, admin');
    const role = parsed.data;
    return this.em.transactional(async (em) => {
      const user = await this.manageable(userId, 'revoke_role', caller, em);
      if (!user.roles.includes(role)) return toUserDto(user);
      if (role === 'admin') {
        // Lock every admin row so two admins cannot demote each other at the same moment.
        const admins = await em.find(
          User,
          { roles: { $contains: ['admin'] } },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (admins.length <= 1) {
          throw conflict(
            'LAST_ADMIN',
            'This is the last admin. Make someone else an admin before removing this role.',
          );
        }
      }
      user.roles = user.roles.filter((r) => r !== role);
      this.audit.record(caller, 'user.role_revoked', { type: 'User', id: user.id }, { role }, em);
      await em.flush();
      return toUserDto(user);
    });
  }

  private async manageable(
    userId: string,
    action: 'grant_role' | 'revoke_role',
    caller: SignedInCaller,
    em: EntityManager = this.em,
  ): Promise<User> {
    const user = await em.findOne(User, { id: userId });
    if (!user || !caller.ability.can('read', userSubject(user))) throw notFound('user');
    if (!caller.ability.can(action, userSubject(user))) throw forbidden();
    return user;
  }
}

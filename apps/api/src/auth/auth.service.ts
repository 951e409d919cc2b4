import { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { LoginInput, RegisterInput, SessionGrant } from '@pathways/contracts';
import { User } from '@pathways/persistence';
import type { Caller } from '../access/caller';
import { SessionService, type SessionMeta } from '../access/session.service';
import { AuditService } from '../audit/audit.service';
import { conflict, DomainError } from '../common/domain-error';
import { toUserDto } from '../users/user.mapper';
import { LoginThrottle } from './login-throttle';
import { PasswordService } from './password.service';

/** One message for every failure, so the answer never tells whether an account exists. */
const invalidCredentials = () =>
  new DomainError(401, 'INVALID_CREDENTIALS', 'The e-mail address or password is incorrect.');

const duplicateEmail = () => conflict('DUPLICATE', 'An account with this e-mail address already exists.');

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async register(input: RegisterInput, caller: Caller, meta: SessionMeta): Promise<SessionGrant> {
    await this.throttle.consumeRegistration(caller.ip);
    if (await this.em.count(User, { email: input.email })) throw duplicateEmail();
    const user = this.em.create(User, {
      email: input.email,
      name: input.name,
      locale: input.locale ?? 'en',
      passwordHash: await this.passwords.hash(input.password),
    });
    this.audit.record(caller, 'user.registered', { type: 'User', id: user.id });
    try {
      await this.em.flush();
    } catch (error) {
      // Two registrations raced past the count; the unique index decides.
      if (error instanceof UniqueConstraintViolationException) throw duplicateEmail();
      throw error;
    }
    return this.grant(user, meta);
  }

  async login(input: LoginInput, caller: Caller, meta: SessionMeta): Promise<SessionGrant> {
    await this.throttle.assertLoginAllowed(caller.ip, input.email);
    const user = await this.em.findOne(User, { email: input.email }, { populate: ['passwordHash'] });
    const usable = user && user.status === 'active' ? user : null;
    const valid = await this.passwords.verify(usable?.passwordHash ?? null, input.password);
    if (!usable || !valid) {
      await this.throttle.recordFailure(caller.ip, input.email);
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(input.email);
    return this.grant(usable, meta);
  }

  private async grant(user: User, meta: SessionMeta): Promise<SessionGrant> {
    const { token, expiresAt } = await this.sessions.open(user, meta);
    return { token, expiresAt: expiresAt.toISOString(), user: toUserDto(user) };
  }
}

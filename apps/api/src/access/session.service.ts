import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Session, User } from '@pathways/persistence';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

const dayMs = 86_400_000;
// Writing last-used on every request would turn reads into writes; once in a while is enough.
const touchEveryMs = 5 * 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Opaque bearer tokens: random, shown once, stored only as a SHA-256 hash, with an expiry. */
@Injectable()
export class SessionService {
  constructor(
    private readonly em: EntityManager,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async open(user: User, meta: SessionMeta): Promise<{ token: string; expiresAt: Date }> {
    // The prefix tells browser sessions from the API tokens scripts will use ("pw_t_").
    const token = `pw_s_${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_DAYS * dayMs);
    this.em.create(Session, {
      user,
      tokenHash: hashToken(token),
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await this.em.flush();
    return { token, expiresAt };
  }

  async resolve(token: string): Promise<{ session: Session; user: User } | null> {
    if (token.length > 200) return null;
    const session = await this.em.findOne(
      Session,
      { tokenHash: hashToken(token), expiresAt: { $gt: new Date() } },
      { populate: ['user'] },
    );
    if (!session || session.user.status !== 'active') return null;
    if (Date.now() - session.lastUsedAt.getTime() > touchEveryMs) {
      await this.em.nativeUpdate(Session, { id: session.id }, { lastUsedAt: new Date() });
    }
    return { session, user: session.user };
  }

  async close(sessionId: string): Promise<void> {
    await this.em.nativeDelete(Session, { id: sessionId });
  }

  async closeAll(userId: string): Promise<number> {
    return this.em.nativeDelete(Session, { user: userId });
  }
}

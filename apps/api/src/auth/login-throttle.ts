import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../common/domain-error';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { REDIS } from '../redis/redis.module';

const tooMany = (msBeforeNext: number) => {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new DomainError(
    429,
    'RATE_LIMITED',
    `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
    undefined,
    { 'Retry-After': String(seconds) },
  );
};

// Redis keys hold no e-mail addresses, only their hashes.
const accountKey = (email: string) => createHash('sha256').update(email).digest('hex');

/**
 * Failed log-ins are counted per IP and per account in Redis, so limits hold across API replicas.
 * If Redis is unreachable, an in-memory limiter stands in rather than letting every attempt through.
 */
@Injectable()
export class LoginThrottle {
  private readonly byIp: RateLimiterRedis;
  private readonly byAccount: RateLimiterRedis;
  private readonly registrations: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(API_CONFIG) config: ApiConfig) {
    const limiter = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.REDIS_PREFIX}:ratelimit:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ points, duration }),
      });
    this.byIp = limiter('login-ip', config.LOGIN_MAX_FAILURES_PER_IP, config.LOGIN_WINDOW_SECONDS);
    this.byAccount = limiter(
      'login-account',
      config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      config.LOGIN_WINDOW_SECONDS,
    );
    this.registrations = limiter('register-ip', config.REGISTRATIONS_PER_IP_PER_HOUR, 3600);
  }

  /** Throws 429 when either counter is spent; called before the password is even looked at. */
  async assertLoginAllowed(ip: string, email: string): Promise<void> {
    const checks: [RateLimiterRedis, string][] = [
      [this.byIp, ip],
      [this.byAccount, accountKey(email)],
    ];
    for (const [limiter, key] of checks) {
      const state = await limiter.get(key);
      if (state && state.remainingPoints <= 0) throw tooMany(state.msBeforeNext);
    }
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    await Promise.all([
      this.byIp.consume(ip).catch(ignoreSpent),
      this.byAccount.consume(accountKey(email)).catch(ignoreSpent),
    ]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(accountKey(email));
  }

  async consumeRegistration(ip: string): Promise<void> {
    try {
      await this.registrations.consume(ip);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooMany(error.msBeforeNext);
      throw error;
    }
  }
}

// Going over the limit on a failed attempt is expected: the next attempt is the one refused.
function ignoreSpent(error: unknown): void {
  if (!(error instanceof RateLimiterRes)) throw error;
}

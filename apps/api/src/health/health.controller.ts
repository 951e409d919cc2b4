import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Readiness } from '@pathways/contracts';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public } from '../access/permission.decorator';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { REDIS } from '../redis/redis.module';
import { readWorkerHeartbeat } from '@pathways/queues';

class ReadinessDto extends createZodDto(Readiness) {}

const check = (probe: Promise<unknown>) =>
  probe.then(
    () => ({ status: 'up' as const }),
    (error: unknown) => ({
      status: 'down' as const,
      error: error instanceof Error ? error.message : String(error),
    }),
  );

/** Outside /api: load balancers and orchestrators probe these. */
@ApiTags('health')
@Controller({ path: 'health' })
export class HealthController {
  constructor(
    private readonly em: EntityManager,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get('live')
  @Public()
  live() {
    return { status: 'live' };
  }

  /** 200 when PostgreSQL and Redis answer, 503 otherwise. */
  @Get('ready')
  @Public()
  @ZodResponse({ type: ReadinessDto })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, redis] = await Promise.all([
      check(this.em.getConnection().execute('select 1')),
      check(this.redis.ping()),
    ]);
    const heartbeat =
      redis.status === 'up' ? await readWorkerHeartbeat(this.redis, this.config.REDIS_PREFIX) : null;
    const ready = database.status === 'up' && redis.status === 'up';
    if (!ready) reply.status(503);
    return {
      status: ready ? ('ready' as const) : ('not_ready' as const),
      checks: { database, redis },
      workerHeartbeatAt: heartbeat?.toISOString() ?? null,
    };
  }
}

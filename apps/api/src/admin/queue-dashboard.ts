import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { queueNames } from '@pathways/queues';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CallerResolver } from '../access/caller.resolver';
import { forbidden, unauthenticated } from '../common/domain-error';
import { toApiError } from '../common/to-api-error';
import { DashboardQueues } from './dashboard-queues';

/** Where bull-board is mounted; its UI and its JSON API (`<path>/api/queues`) live below it. */
export const queueDashboardPath = '/api/admin/queues';

/** The routes bull-board registered, so the route walk can prove each of them is guarded. */
@Injectable()
export class QueueDashboard {
  readonly routes: string[] = [];
}

/**
 * Mounts bull-board (DESIGN §6: admins see and retry failed jobs). Its routes are plain Fastify
 * routes that Nest's permission guard never sees, so an `onRequest` hook in their scope does the
 * guard's job: the same bearer session, and the admin's `manage Queue` permission.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(DashboardQueues);
  const callers = app.get(CallerResolver);
  const orm = app.get(MikroORM);
  const board = new BoardAdapter();
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(queues.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Pathways queues' } },
  });
  board.setBasePath(queueDashboardPath);

  const dashboard = app.get(QueueDashboard);
  const admitAdmins = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      const caller = await RequestContext.create(orm.em, () => callers.identify(request));
      if (!caller.actor) throw unauthenticated();
      if (!caller.ability.can('manage', 'Queue')) throw forbidden('Only admins see the queues.');
    } catch (error) {
      const { body, headers } = toApiError(error, String(request.id));
      return reply
        .status(body.statusCode)
        .headers(headers ?? {})
        .send(body);
    }
  };
  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRoute', (route) => {
        // Fastify serves the prefix's own root with and without the trailing slash.
        const urls = route.url === queueDashboardPath ? [route.url, `${route.url}/`] : [route.url];
        for (const method of [route.method].flat()) {
          if (method !== 'HEAD') dashboard.routes.push(...urls.map((url) => `${method} ${url}`));
        }
      });
      scope.addHook('onRequest', admitAdmins);
      await scope.register(board.registerPlugin());
    },
    { prefix: queueDashboardPath },
  );
}

import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../common/domain-error';
import { CallerResolver } from './caller.resolver';
import { PERMISSION_KEY, PUBLIC_KEY, type RoutePermission } from './permission.decorator';

/** Global guard: identifies the caller, then denies every route that is neither public nor permitted. */
@Injectable()
export class PermissionGuard implements CanActivate {
  private readonly logger = new Logger(PermissionGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly callers: CallerResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const permission = this.reflector.getAllAndOverride<RoutePermission>(PERMISSION_KEY, targets);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const caller = await this.callers.identify(request);
    request.caller = caller;

    if (isPublic) return true;
    if (!permission) {
      this.logger.error(`${request.method} ${request.routeOptions.url} declares no permission; denied`);
      throw forbidden('This route declares no permission.');
    }
    if (caller.ability.can(permission.action, permission.subject)) return true;
    throw caller.actor ? forbidden() : unauthenticated();
  }
}

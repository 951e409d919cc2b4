import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { defineAbilityFor } from '@pathways/permissions';
import type { FastifyRequest } from 'fastify';
import { SessionService } from './session.service';
import { forbidden, unauthenticated } from '../common/domain-error';
import { ActorService } from './actor.service';
import type { Caller } from './caller';
import { PERMISSION_KEY, PUBLIC_KEY, type RoutePermission } from './permission.decorator';

/** Global guard: identifies the caller, then denies every route that is neither public nor permitted. */
@Injectable()
export class PermissionGuard implements CanActivate {
  private readonly logger = new Logger(PermissionGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly actors: ActorService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const permission = this.reflector.getAllAndOverride<RoutePermission>(PERMISSION_KEY, targets);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const caller = await this.identify(request);
    request.caller = caller;

    if (isPublic) return true;
    if (!permission) {
      this.logger.error(`${request.method} ${request.routeOptions.url} declares no permission; denied`);
      throw forbidden('This route declares no permission.');
    }
    if (caller.ability.can(permission.action, permission.subject)) return true;
    throw caller.actor ? forbidden() : unauthenticated();
  }

  private async identify(request: FastifyRequest): Promise<Caller> {
    const base = { ip: request.ip, requestId: String(request.id) };
    const header = request.headers.authorization;
    if (!header)
      return { ...base, user: null, sessionId: null, actor: null, ability: defineAbilityFor(null) };
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const found = match ? await this.sessions.resolve(match[1]) : null;
    // A token that was sent but is wrong or expired is an error, never silently anonymous.
    if (!found) throw unauthenticated('Your session has expired or is not valid. Log in again.');
    const actor = await this.actors.load(found.user);
    return {
      ...base,
      user: found.user,
      sessionId: found.session.id,
      actor,
      ability: defineAbilityFor(actor),
    };
  }
}

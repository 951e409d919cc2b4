import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { User } from '@pathways/persistence';
import type { Actor, AppAbility } from '@pathways/permissions';
import type { FastifyRequest } from 'fastify';

/** Who is calling, resolved once per request by the permission guard. */
export interface Caller {
  user: User | null;
  sessionId: string | null;
  actor: Actor | null;
  ability: AppAbility;
  ip: string;
  requestId: string;
}

export interface SignedInCaller extends Caller {
  user: User;
  sessionId: string;
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<FastifyRequest>().caller;
  if (!caller) throw new Error('The permission guard did not run for this route');
  return caller;
});

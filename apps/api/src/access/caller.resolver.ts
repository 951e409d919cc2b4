import { Injectable } from '@nestjs/common';
import { defineAbilityFor } from '@pathways/permissions';
import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../common/domain-error';
import { ActorService } from './actor.service';
import type { Caller } from './caller';
import { SessionService } from './session.service';

/** Who is calling: the bearer token's session, the actor CASL needs, and its ability. */
@Injectable()
export class CallerResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly actors: ActorService,
  ) {}

  async identify(request: FastifyRequest): Promise<Caller> {
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

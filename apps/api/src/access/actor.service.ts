import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Membership, ReviewAssignment, type User } from '@pathways/persistence';
import type { Actor } from '@pathways/permissions';

@Injectable()
export class ActorService {
  constructor(private readonly em: EntityManager) {}

  /** The facts CASL rules need: roles, memberships with their organisation's status, and reviews. */
  async load(user: User): Promise<Actor> {
    // Whole entities, not partial ones: they land in the request's identity map and are reused.
    const memberships = await this.em.find(Membership, { user: user.id }, { populate: ['organisation'] });
    // Only reviewers have assignments; everyone else skips the query.
    const assignments = user.roles.includes('reviewer')
      ? await this.em.find(ReviewAssignment, { reviewer: user.id, status: { $nin: ['declined', 'expired'] } })
      : [];
    return {
      id: user.id,
      roles: user.roles,
      memberships: memberships.map((m) => ({
        organisationId: m.organisation.id,
        role: m.role,
        status: m.status,
        organisationStatus: m.organisation.status,
      })),
      reviewing: assignments.map((a) => a.practice.id),
    };
  }
}

import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { loadReviewPolicy, Membership, ReviewAssignment, type User } from '@pathways/persistence';
import type { Actor } from '@pathways/permissions';

@Injectable()
export class ActorService {
  constructor(private readonly em: EntityManager) {}

  /**
   * The facts CASL rules need: roles, memberships with their organisation's status, the practices
   * the caller reviews and whether the review policy hides their authors.
   */
  async load(user: User): Promise<Actor> {
    // Whole entities, not partial ones: they land in the request's identity map and are reused.
    const memberships = await this.em.find(Membership, { user: user.id }, { populate: ['organisation'] });
    // Only reviewers have assignments, and only they read practices blind; everyone else skips the queries.
    const reviewer = user.roles.includes('reviewer');
    const assignments = reviewer
      ? await this.em.find(ReviewAssignment, { reviewer: user.id, status: { $nin: ['declined', 'expired'] } })
      : [];
    const doubleBlind = reviewer && (await loadReviewPolicy(this.em)).blindMode === 'double';
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
      doubleBlind,
    };
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { Membership, type Pilot, type User } from '@pathways/persistence';

/** Active focal points of the organisations, each once: who answers and acts for them. */
export async function focalPointsOf(em: EntityManager, organisationIds: readonly string[]): Promise<User[]> {
  if (!organisationIds.length) return [];
  const rows = await em.find(
    Membership,
    {
      organisation: { $in: [...organisationIds] },
      role: 'focal_point',
      status: 'active',
      user: { status: 'active' },
    },
    { populate: ['user'], orderBy: { user: { id: 'asc' } } },
  );
  return [...new Map(rows.map((m) => [m.user.id, m.user])).values()];
}

/** A pilot's title as the lead wrote it, or its slug while it has none. */
export const pilotTitle = (pilot: Pick<Pilot, 'content' | 'slug'>): string =>
  pilot.content.title?.trim() ? pilot.content.title : pilot.slug;

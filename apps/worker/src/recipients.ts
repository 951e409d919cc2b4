import type { EntityManager } from '@mikro-orm/postgresql';
import { Membership, type Practice, User } from '@pathways/persistence';

/** Active editors: who hears about submissions, overdue reviews and complete panels. */
export function activeEditors(em: EntityManager): Promise<User[]> {
  return em.find(User, { roles: { $contains: ['editor'] }, status: 'active' }, { orderBy: { id: 'asc' } });
}

/** The practice's authors: active members of its organisation. */
export async function practiceAuthors(em: EntityManager, practice: Practice): Promise<User[]> {
  const members = await em.find(
    Membership,
    { organisation: practice.organisation, status: 'active', user: { status: 'active' } },
    { populate: ['user'], orderBy: { user: { id: 'asc' } } },
  );
  return members.map((m) => m.user);
}

/** A practice version's title as authors wrote it, or the slug while it has none. */
export function practiceTitle(content: { title?: unknown } | null | undefined, slug: string): string {
  return typeof content?.title === 'string' && content.title.trim() ? content.title : slug;
}

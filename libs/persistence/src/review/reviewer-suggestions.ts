import type { EntityManager } from '@mikro-orm/postgresql';
import type { PracticeContent, ReviewerSuggestion } from '@pathways/contracts';
import { Membership } from '../entities/membership.entity';
import type { Practice } from '../entities/practice.entity';
import { ReviewAssignment } from '../entities/review-assignment.entity';
import { User } from '../entities/user.entity';
import { rankReviewers, type ReviewerCandidate } from './reviewer-ranking';

/** Invitations a reviewer still has to answer or finish: their current load. */
export const openReviewStatuses = ['invited', 'accepted', 'overdue'] as const;

/**
 * The reviewer roster ranked for a practice's current version (organisation and current version
 * loaded), excluded reviewers last with the reason.
 */
export async function reviewerSuggestions(
  em: EntityManager,
  practice: Practice,
): Promise<ReviewerSuggestion[]> {
  const version = practice.currentVersion?.getEntity();
  if (!version) return [];
  const reviewers = await em.find(User, { roles: { $contains: ['reviewer'] }, status: 'active' });
  if (!reviewers.length) return [];
  const ids = reviewers.map((r) => r.id);
  const [memberships, open, panel] = await Promise.all([
    em.find(
      Membership,
      { user: { $in: ids }, status: 'active', organisation: { status: 'verified' } },
      { populate: ['organisation'] },
    ),
    em.find(ReviewAssignment, { reviewer: { $in: ids }, status: { $in: [...openReviewStatuses] } }),
    em.find(ReviewAssignment, { practiceVersion: version.id }),
  ]);
  const content = version.content as PracticeContent;
  const candidates = reviewers.map((r): ReviewerCandidate => ({
    reviewerId: r.id,
    name: r.name,
    organisations: memberships
      .filter((m) => m.user.id === r.id)
      .map((m) => ({
        id: m.organisation.id,
        name: m.organisation.name,
        kind: m.organisation.kind,
        country: m.organisation.country,
      })),
    themes: r.expertiseThemes,
    languages: r.reviewLanguages,
    countries: r.expertiseCountries,
    activeReviews: open.filter((a) => a.reviewer.id === r.id).length,
    onPanel: panel.some((a) => a.reviewer.id === r.id),
  }));
  return rankReviewers(candidates, {
    organisationId: practice.organisation.id,
    organisationKind: practice.organisation.kind,
    organisationCountry: practice.organisation.country,
    themes: content.themes ?? [],
    countries: [...new Set((content.countries ?? []).map((c) => c.code))],
    language: content.language ?? null,
  });
}

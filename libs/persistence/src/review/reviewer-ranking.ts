import type { ReviewerSuggestion } from '@pathways/contracts';

/** What ranking needs to know of one reviewer on the roster. */
export interface ReviewerCandidate {
  reviewerId: string;
  name: string;
  organisations: { id: string; name: string; kind: string; country: string | null }[];
  themes: readonly string[];
  languages: readonly string[];
  countries: readonly string[];
  activeReviews: number;
  /** Already invited for this version (whatever came of it): cannot be invited again. */
  onPanel: boolean;
}

/** What ranking needs to know of the practice. */
export interface PracticeFacts {
  organisationId: string;
  organisationKind: string;
  organisationCountry: string | null;
  themes: readonly string[];
  countries: readonly string[];
  language: string | null;
}

// Expertise outweighs load: a theme match is worth three open reviews.
const weights = { theme: 3, language: 2, country: 1, load: 1 };

/** Why a reviewer may not review this practice, or null (DESIGN §4: automatic exclusions). */
export function reviewerExclusion(
  candidate: Pick<ReviewerCandidate, 'organisations' | 'onPanel'>,
  practice: Pick<PracticeFacts, 'organisationId' | 'organisationKind' | 'organisationCountry'>,
): string | null {
  if (candidate.organisations.some((o) => o.id === practice.organisationId)) {
    return 'Reviewers from the submitting organisation cannot review its practices.';
  }
  if (
    practice.organisationKind === 'government' &&
    practice.organisationCountry !== null &&
    candidate.organisations.some((o) => o.country === practice.organisationCountry)
  ) {
    return 'For a government submission, reviewers from the same country are excluded.';
  }
  return candidate.onPanel ? 'Already invited for this version.' : null;
}

/**
 * Ranks the roster for one practice: expertise matches (themes, language, countries) raise the
 * score, open reviews lower it; excluded reviewers come last, with the reason.
 */
export function rankReviewers(
  candidates: readonly ReviewerCandidate[],
  practice: PracticeFacts,
): ReviewerSuggestion[] {
  const suggestions = candidates.map((c): ReviewerSuggestion => {
    const themes = practice.themes.filter((t) => c.themes.includes(t));
    const languages = practice.language && c.languages.includes(practice.language) ? [practice.language] : [];
    const countries = practice.countries.filter((code) => c.countries.includes(code));
    return {
      reviewerId: c.reviewerId,
      name: c.name,
      organisations: c.organisations.map((o) => o.name),
      unEntity: c.organisations.some((o) => o.kind === 'un_entity'),
      matches: { themes, languages, countries },
      activeReviews: c.activeReviews,
      score:
        themes.length * weights.theme +
        languages.length * weights.language +
        countries.length * weights.country -
        c.activeReviews * weights.load,
      excluded: reviewerExclusion(c, practice),
    };
  });
  return suggestions.sort(
    (a, b) =>
      Number(a.excluded !== null) - Number(b.excluded !== null) ||
      b.score - a.score ||
      a.activeReviews - b.activeReviews ||
      a.name.localeCompare(b.name),
  );
}

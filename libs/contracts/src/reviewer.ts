import { z } from 'zod';
import { CountryCode } from './country';

/** ISO 639-1 language codes a reviewer reads ("en", "tl"). */
export const LanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, 'Use a two-letter ISO 639-1 language code, such as en or es');

/** What a reviewer knows, used to rank suggestions (themes are taxonomy codes). */
export const ReviewerProfile = z
  .object({
    themes: z.array(z.string().trim().min(1).max(64)).max(30, 'At most 30 themes').default([]),
    languages: z.array(LanguageCode).max(20, 'At most 20 languages').default([]),
    countries: z.array(CountryCode).max(60, 'At most 60 countries').default([]),
  })
  .strict();
export type ReviewerProfile = z.infer<typeof ReviewerProfile>;

/** Why an invitation was made: by an editor, or automatically by the review policy. */
export const invitationOrigins = ['editor', 'backup', 'disagreement'] as const;
export type InvitationOrigin = (typeof invitationOrigins)[number];

/** A reviewer on the roster, ranked for one practice. */
export const ReviewerSuggestion = z.object({
  reviewerId: z.uuid(),
  name: z.string(),
  organisations: z.array(z.string()),
  /** Belongs to a verified UN entity (the policy may require one on each panel). */
  unEntity: z.boolean(),
  matches: z.object({
    themes: z.array(z.string()),
    languages: z.array(z.string()),
    countries: z.array(z.string()),
  }),
  /** Reviews accepted or invited and not yet finished. */
  activeReviews: z.number().int().min(0),
  /** Higher is a better fit: expertise matches, less load. */
  score: z.number(),
  /** Why this reviewer cannot be invited (same organisation, same country, already on the panel). */
  excluded: z.string().nullable(),
});
export type ReviewerSuggestion = z.infer<typeof ReviewerSuggestion>;

export const ReviewerSuggestionList = z.object({ items: z.array(ReviewerSuggestion) });
export type ReviewerSuggestionList = z.infer<typeof ReviewerSuggestionList>;

import { ReviewerProfile } from '@pathways/contracts';
import type { ReviewerProfile as Profile } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import type { Checked } from './form';

/** What the expertise form posts: ticked themes, typed language codes, chosen countries. */
export interface ExpertiseValues {
  themes: string[];
  /** As typed, e.g. "en, es, tl". */
  languages: string;
  countries: string[];
}

const strings = (data: FormData, name: string): string[] =>
  data
    .getAll(name)
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.trim())
    .filter(Boolean);

export function expertiseFromForm(data: FormData): ExpertiseValues {
  const languages = data.get('languages');
  return {
    themes: strings(data, 'themes'),
    languages: typeof languages === 'string' ? languages.trim() : '',
    countries: strings(data, 'countries'),
  };
}

/** Language codes from a list typed with commas, semicolons or spaces between them, each once. */
export const languageCodes = (typed: string): string[] => [
  ...new Set(
    typed
      .split(/[\s,;]+/)
      .map((code) => code.trim().toLowerCase())
      .filter(Boolean),
  ),
];

const messages: Record<keyof Profile, () => string> = {
  themes: m.expertise_error_themes,
  languages: m.expertise_error_languages,
  countries: m.expertise_error_countries,
};

/** Checks the expertise against the API's contract; an issue in any item is reported at its list. */
export function checkExpertise(values: ExpertiseValues): Checked<Profile> {
  const result = ReviewerProfile.safeParse({
    themes: [...new Set(values.themes)],
    languages: languageCodes(values.languages),
    countries: [...new Set(values.countries)],
  });
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form') as keyof Profile;
    errors[field] ??= messages[field]?.() ?? m.field_invalid();
  }
  return { ok: false, errors };
}

/** API issues name list items ("languages.2"); the form shows them at the list. */
export const expertiseField = (path: string): string => path.split('.')[0] ?? path;

export const valuesFromProfile = (profile: Profile): ExpertiseValues => ({
  themes: profile.themes,
  languages: profile.languages.join(', '),
  countries: profile.countries,
});

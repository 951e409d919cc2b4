import { describe, expect, it } from 'vitest';
import { checkExpertise, expertiseField, expertiseFromForm, languageCodes } from './reviewer-profile-form';

const posted = (entries: [string, string][]): FormData => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe('the expertise form', () => {
  it('reads ticked themes, typed languages and chosen countries into a ReviewerProfile', () => {
    const values = expertiseFromForm(
      posted([
        ['themes', 'pre-departure-orientation'],
        ['themes', 'domestic-workers-rights'],
        ['languages', ' EN, es;tl  es '],
        ['countries', 'PH'],
        ['countries', 'AE'],
      ]),
    );
    expect(checkExpertise(values)).toEqual({
      ok: true,
      data: {
        themes: ['pre-departure-orientation', 'domestic-workers-rights'],
        languages: ['en', 'es', 'tl'],
        countries: ['PH', 'AE'],
      },
    });
  });

  it('accepts an empty profile', () => {
    expect(checkExpertise(expertiseFromForm(posted([])))).toEqual({
      ok: true,
      data: { themes: [], languages: [], countries: [] },
    });
  });

  it('reports a bad language code or country at its list, keeping what was typed', () => {
    const values = expertiseFromForm(
      posted([
        ['languages', 'en, spanish'],
        ['countries', 'XX'],
      ]),
    );
    const checked = checkExpertise(values);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['countries', 'languages']);
    expect(checked.errors.languages).toBe('Use two-letter ISO 639-1 codes such as en or es, at most 20.');
    expect(values.languages).toBe('en, spanish');
  });

  it('splits typed codes on commas, semicolons and spaces, once each', () => {
    expect(languageCodes('fr,,FR ; ar')).toEqual(['fr', 'ar']);
    expect(expertiseField('languages.2')).toBe('languages');
  });
});

import { fail, type RequestEvent } from '@sveltejs/kit';
import { ReviewerProfile } from '@pathways/contracts';
import { getLocale } from '$lib/paraglide/runtime';
import { ApiFailure } from './api-failure';
import { countryOptions } from './countries';
import { actionFailure } from './failures';
import { requireUser } from './guard';
import { unlessMissing } from './optional';
import {
  checkExpertise,
  expertiseField,
  expertiseFromForm,
  type ExpertiseValues,
} from './reviewer-profile-form';
import { vocabularyOptions, type Option } from './taxonomy';

export interface Expertise {
  /** Null while the API offers no reviewer profile (yet). */
  profile: ReviewerProfile | null;
  themes: Option[];
  countries: Option[];
}

/** A reviewer's expertise, for the account page; others have none. */
export async function loadExpertise(locals: App.Locals): Promise<Expertise | null> {
  if (!locals.user?.roles.includes('reviewer')) return null;
  const [profile, themes] = await Promise.all([
    // The rest of the account page does not depend on it: any failure leaves the section unavailable.
    unlessMissing(locals.api.get('/api/me/reviewer-profile', ReviewerProfile)).catch((cause: unknown) => {
      if (!(cause instanceof ApiFailure)) throw cause;
      return null;
    }),
    vocabularyOptions(locals.api, 'theme', getLocale()),
  ]);
  return { profile, themes, countries: countryOptions(getLocale()) };
}

/** What a failed save of the expertise gives back: the lists as chosen, and messages per list. */
export interface ExpertiseFailure {
  target: 'expertise';
  expertise: ExpertiseValues;
  errors: Record<string, string>;
  message: string | null;
}

export async function saveExpertise({ request, locals, url }: RequestEvent) {
  requireUser(locals, url);
  const expertise = expertiseFromForm(await request.formData());
  const checked = checkExpertise(expertise);
  if (!checked.ok) {
    return fail(400, {
      target: 'expertise',
      expertise,
      errors: checked.errors,
      message: null,
    } as ExpertiseFailure);
  }
  try {
    await locals.api.put('/api/me/reviewer-profile', ReviewerProfile, checked.data);
    return { expertiseSaved: true };
  } catch (cause) {
    const failed = actionFailure(cause, { target: 'expertise' });
    // The API names list items ("languages.2"); the form shows the message at the list.
    const errors = Object.fromEntries(
      Object.entries(failed.data.errors).map(([path, message]) => [expertiseField(path), message]),
    );
    return fail(failed.status, {
      target: 'expertise',
      expertise,
      errors,
      message: failed.data.message,
    } as ExpertiseFailure);
  }
}

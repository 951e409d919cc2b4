import { fail } from '@sveltejs/kit';
import { Practice, practiceLicences } from '@pathways/contracts';
import { getLocale } from '$lib/paraglide/runtime';
import { ApiFailure } from '$lib/server/api-failure';
import { countryOptions } from '$lib/server/countries';
import { actionFailure, loadFailure, type FormFailure } from '$lib/server/failures';
import { abilityOf, requireUser } from '$lib/server/guard';
import { canEditPractice } from '$lib/practice';
import {
  checkContent,
  contentFromForm,
  errorKey,
  formFromContent,
  formFromData,
  messageForPath,
  withoutBlankRows,
  type PracticeForm,
} from '$lib/server/practice-form';
import { vocabularyOptions } from '$lib/server/taxonomy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireUser(locals, url);
  const locale = getLocale();
  try {
    const [practice, themes, stages, targetGroups, frameworks] = await Promise.all([
      locals.api.get(`/api/practices/${params.id}`, Practice),
      vocabularyOptions(locals.api, 'theme', locale),
      vocabularyOptions(locals.api, 'stage', locale),
      vocabularyOptions(locals.api, 'target_group', locale),
      vocabularyOptions(locals.api, 'framework', locale),
    ]);
    return {
      practice,
      editable: canEditPractice(abilityOf(locals), practice),
      state: formFromContent(practice.content),
      vocabularies: { themes, stages, targetGroups, frameworks },
      countries: countryOptions(locale),
      licences: [...practiceLicences],
    };
  } catch (cause) {
    loadFailure(cause);
  }
};

type EditFailure = FormFailure & { state: PracticeForm };

const version = (data: FormData): number => Number(data.get('version'));

/** Re-renders the form with the user's input and one more (or one fewer) row; nothing is saved. */
function reshape(data: FormData, change: (form: PracticeForm) => PracticeForm) {
  return { state: change(formFromData(data)) };
}

const removeAt = <T>(list: T[], index: number): T[] => list.filter((_, at) => at !== index);
const removed = (data: FormData): number => Number(data.get('remove'));

export const actions: Actions = {
  save: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const data = await request.formData();
    const state = formFromData(data);
    const content = contentFromForm(withoutBlankRows(state));
    const errors = checkContent(content);
    if (Object.keys(errors).length) {
      return fail(400, {
        state,
        errors,
        values: {},
        message: null,
        code: 'VALIDATION_FAILED',
      } satisfies EditFailure);
    }
    try {
      await locals.api.patch(`/api/practices/${params.id}`, Practice, { content, version: version(data) });
    } catch (cause) {
      const fields =
        cause instanceof ApiFailure
          ? Object.fromEntries(
              (cause.body.issues ?? []).map((issue) => [issue.path, () => messageForPath(issue.path)]),
            )
          : {};
      const failure = actionFailure(cause, { fields });
      const errorsByField = Object.fromEntries(
        Object.entries(failure.data.errors).map(([path, message]) => [errorKey(path), message]),
      );
      return fail(failure.status, { ...failure.data, errors: errorsByField, state } satisfies EditFailure);
    }
    return { saved: true };
  },
  addCountry: async ({ request }) =>
    reshape(await request.formData(), (form) => ({
      ...form,
      countries: [...form.countries, { code: '', role: '' }],
    })),
  removeCountry: async ({ request }) => {
    const data = await request.formData();
    return reshape(data, (form) => ({ ...form, countries: removeAt(form.countries, removed(data)) }));
  },
  addIndicator: async ({ request }) =>
    reshape(await request.formData(), (form) => ({
      ...form,
      indicators: [...form.indicators, { indicator: '', women: '', men: '', unit: '', year: '', source: '' }],
    })),
  removeIndicator: async ({ request }) => {
    const data = await request.formData();
    return reshape(data, (form) => ({ ...form, indicators: removeAt(form.indicators, removed(data)) }));
  },
  addResource: async ({ request }) =>
    reshape(await request.formData(), (form) => ({
      ...form,
      resources: [...form.resources, { label: '', url: '' }],
    })),
  removeResource: async ({ request }) => {
    const data = await request.formData();
    return reshape(data, (form) => ({ ...form, resources: removeAt(form.resources, removed(data)) }));
  },
};

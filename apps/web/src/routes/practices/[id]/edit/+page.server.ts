import { fail } from '@sveltejs/kit';
import { Practice, PracticeAttachment, practiceLicences } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { ApiFailure } from '$lib/server/api-failure';
import { countryOptions } from '$lib/server/countries';
import { attachmentFailure, attachmentTarget, chosenFile } from '$lib/server/attachment-upload';
import { actionFailure, invalidForm, loadFailure, type FormFailure } from '$lib/server/failures';
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
    let saved: Practice;
    try {
      saved = await locals.api.patch(`/api/practices/${params.id}`, Practice, {
        content,
        version: version(data),
      });
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
    // Autosave keeps the form's `version` current from this, so the next save is not refused as stale.
    return { saved: true, version: saved.version };
  },
  /**
   * After someone else saved meanwhile (409): the latest version number, with the user's own text
   * kept in the form, so nothing typed is lost and saving again is possible.
   */
  refresh: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const state = formFromData(await request.formData());
    try {
      const latest = await locals.api.get(`/api/practices/${params.id}`, Practice);
      return { state, version: latest.version, refreshed: true };
    } catch (cause) {
      const failure = actionFailure(cause);
      return fail(failure.status, { ...failure.data, state } satisfies EditFailure);
    }
  },
  upload: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const file = chosenFile(await request.formData());
    if (!file) {
      return invalidForm({ file: m.attachments_error_no_file() }, { target: attachmentTarget });
    }
    const body = new FormData();
    body.set('file', file, file.name);
    try {
      const attachment = await locals.api.postForm(
        `/api/practices/${params.id}/attachments`,
        PracticeAttachment,
        body,
      );
      return { uploaded: attachment.filename, target: attachmentTarget };
    } catch (cause) {
      return attachmentFailure(cause);
    }
  },
  deleteAttachment: async ({ request, locals, url }) => {
    requireUser(locals, url);
    const id = String((await request.formData()).get('id') ?? '');
    try {
      await locals.api.send('DELETE', `/api/attachments/${encodeURIComponent(id)}`);
      return { deleted: id, target: attachmentTarget };
    } catch (cause) {
      return actionFailure(cause, { target: attachmentTarget });
    }
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

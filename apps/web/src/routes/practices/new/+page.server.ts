import { redirect } from '@sveltejs/kit';
import { CreatePracticeInput, Practice } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { actionFailure, invalidForm } from '$lib/server/failures';
import { check, formValues } from '$lib/server/form';
import { requireUser } from '$lib/server/guard';
import { organisationsActedFor } from '$lib/server/practice-organisations';
import type { Actions, PageServerLoad } from './$types';

const fields = {
  organisationId: m.field_practice_organisation_invalid,
  'content.title': m.practice_error_text,
};

export const load: PageServerLoad = ({ locals, url }) => {
  requireUser(locals, url);
  return { organisations: organisationsActedFor(locals) };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    requireUser(locals, url);
    const values = formValues(await request.formData(), ['organisationId', 'title']);
    const errors: Record<string, string> = {};
    if (!organisationsActedFor(locals).some((o) => o.value === values.organisationId)) {
      errors.organisationId = m.field_practice_organisation_invalid();
    }
    if (!values.title) errors.title = m.field_practice_title_required();
    const checked = check(
      CreatePracticeInput,
      { organisationId: values.organisationId, content: { title: values.title } },
      fields,
    );
    if (!checked.ok) {
      for (const [path, message] of Object.entries(checked.errors))
        errors[path.replace(/^content\./, '')] ??= message;
    }
    if (!checked.ok || Object.keys(errors).length) return invalidForm(errors, { values });
    let created: Practice;
    try {
      created = await locals.api.post('/api/practices', Practice, checked.data);
    } catch (cause) {
      return actionFailure(cause, { values, fields });
    }
    redirect(303, localizeHref(`/practices/${created.id}/edit`));
  },
};

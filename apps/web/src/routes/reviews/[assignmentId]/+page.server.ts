import { error } from '@sveltejs/kit';
import { PracticeVersionList, ReviewAssignment, type Vocabulary } from '@pathways/contracts';
import { countryName } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { actionFailure, invalidForm, loadFailure } from '$lib/server/failures';
import { requireAbility } from '$lib/server/guard';
import { issuesWithout, unlessMissing } from '$lib/server/optional';
import { checkReview, conflictFromForm, reviewFieldMessages, reviewFromForm } from '$lib/server/review-form';
import { reviewerAssignment } from '$lib/server/reviewer-queue';
import { vocabularyOptions } from '$lib/server/taxonomy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireAbility(locals, url, 'submit', 'ReviewAssignment');
  const locale = getLocale();
  try {
    const item = await reviewerAssignment(locals.api, params.assignmentId);
    if (!item) error(404, { message: m.error_not_found() });
    const { practice } = item;
    const labelsOf = async (vocabulary: Vocabulary) =>
      Object.fromEntries(
        (await vocabularyOptions(locals.api, vocabulary, locale)).map((o) => [o.value, o.label]),
      );
    const [versions, themes, stages, targetGroups, frameworks] = await Promise.all([
      practice
        ? unlessMissing(locals.api.get(`/api/practices/${practice.id}/versions`, PracticeVersionList))
        : null,
      labelsOf('theme'),
      labelsOf('stage'),
      labelsOf('target_group'),
      labelsOf('framework'),
    ]);
    return {
      assignment: item.assignment,
      practice,
      versionCount: versions?.items.length ?? 0,
      terms: { themes, stages, targetGroups, frameworks },
      countries: Object.fromEntries(
        (practice?.content.countries ?? []).map((c) => [c.code, countryName(c.code, locale)]),
      ),
    };
  } catch (cause) {
    loadFailure(cause);
  }
};

const fire = (locals: App.Locals, id: string, name: string, body: unknown) =>
  locals.api.post(`/api/review-assignments/${id}/transitions/${name}`, ReviewAssignment, body);

/** The version of the assignment the reviewer saw; a concurrent change answers 409. */
const versionOf = (data: FormData) => Number(data.get('version'));

export const actions: Actions = {
  accept: async ({ request, locals, url, params }) => {
    requireAbility(locals, url, 'submit', 'ReviewAssignment');
    const data = await request.formData();
    const { values, checked } = conflictFromForm(data);
    if (!checked.ok) return invalidForm(checked.errors, { values, target: 'accept' });
    try {
      await fire(locals, params.assignmentId, 'accept', {
        version: versionOf(data),
        conflictDeclaration: checked.data,
      });
      return { done: 'accept' as const };
    } catch (cause) {
      return actionFailure(cause, {
        values,
        target: 'accept',
        fields: { conflictDeclaration: m.review_error_conflict_choice },
      });
    }
  },
  decline: async ({ request, locals, url, params }) => {
    requireAbility(locals, url, 'submit', 'ReviewAssignment');
    const data = await request.formData();
    try {
      await fire(locals, params.assignmentId, 'decline', { version: versionOf(data) });
      return { done: 'decline' as const };
    } catch (cause) {
      return actionFailure(cause, { target: 'decline' });
    }
  },
  submit: async ({ request, locals, url, params }) => {
    requireAbility(locals, url, 'submit', 'ReviewAssignment');
    const data = await request.formData();
    const { values, review } = reviewFromForm(data);
    const checked = checkReview(review);
    if (!checked.ok) return invalidForm(checked.errors, { values, target: 'review' });
    try {
      await fire(locals, params.assignmentId, 'submit', { version: versionOf(data), review: checked.data });
      return { done: 'submit' as const };
    } catch (cause) {
      // The API names review fields under "review." (review.scores.relevance); the form does not.
      return actionFailure(issuesWithout(cause, 'review.'), {
        values,
        target: 'review',
        fields: reviewFieldMessages,
      });
    }
  },
};

import {
  AvailableTransitions,
  FireTransitionInput,
  Pilot,
  Practice,
  WorkflowEventList,
} from '@pathways/contracts';
import { getLocale } from '$lib/paraglide/runtime';
import { countryName } from '$lib/format';
import { actionFailure, invalidForm, loadFailure } from '$lib/server/failures';
import { check } from '$lib/server/form';
import { abilityOf, requireUser } from '$lib/server/guard';
import { canEditPractice } from '$lib/practice';
import { vocabularyOptions } from '$lib/server/taxonomy';
import type { Vocabulary } from '@pathways/contracts';
// Peer review: the editors' panel and decisions, the authors' reviewers' comments.
import { needsRationale } from '$lib/decisions';
import { m } from '$lib/paraglide/messages';
import { libraryPracticePath } from '$lib/server/library-practice';
import { inviteReviewer, loadReviewSection } from '$lib/server/review-panel';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const locale = getLocale();
  const id = params.id;
  try {
    const [practice, transitions, events] = await Promise.all([
      locals.api.get(`/api/practices/${id}`, Practice),
      locals.api.get(`/api/practices/${id}/transitions`, AvailableTransitions),
      locals.api.get(`/api/practices/${id}/events`, WorkflowEventList),
    ]);
    const labelsOf = async (vocabulary: Vocabulary) =>
      Object.fromEntries(
        (await vocabularyOptions(locals.api, vocabulary, locale)).map((o) => [o.value, o.label]),
      );
    const [themes, stages, targetGroups, frameworks] = await Promise.all([
      labelsOf('theme'),
      labelsOf('stage'),
      labelsOf('target_group'),
      labelsOf('framework'),
    ]);
    const review = await loadReviewSection(locals, practice);
    // The pilot it grew out of, when the reader may see it (issue 5: linked both ways).
    const pilot = practice.pilotId
      ? await locals.api.get(`/api/pilots/${practice.pilotId}`, Pilot).catch(() => null)
      : null;
    const countries = Object.fromEntries(
      (practice.content.countries ?? []).map((c) => [c.code, countryName(c.code, locale)]),
    );
    return {
      practice,
      // The library lists a practice from its first publication on, as the log records it.
      libraryPath: events.items.some((e) => e.toState === 'published')
        ? libraryPracticePath(practice.slug)
        : null,
      pilot: pilot && { id: pilot.id, title: pilot.content.title ?? null },
      transitions: transitions.items,
      events: events.items,
      terms: { themes, stages, targetGroups, frameworks },
      countries,
      canEdit: canEditPractice(abilityOf(locals), practice),
      ...review,
    };
  } catch (cause) {
    loadFailure(cause);
  }
};

export const actions: Actions = {
  fire: async ({ request, locals, url, params }) => {
    requireUser(locals, url);
    const data = await request.formData();
    const name = String(data.get('transition') ?? '');
    const comment = String(data.get('comment') ?? '').trim();
    const checked = check(
      FireTransitionInput,
      { version: Number(data.get('version')), ...(comment ? { comment } : {}) },
      {},
    );
    if (!checked.ok) return invalidForm(checked.errors, { target: name, values: { comment } });
    if (needsRationale(name) && !comment) {
      return invalidForm({ comment: m.panel_rationale_required() }, { target: name, values: { comment } });
    }
    try {
      const practice = await locals.api.post(
        `/api/practices/${params.id}/transitions/${encodeURIComponent(name)}`,
        Practice,
        checked.data,
      );
      return { fired: name, status: practice.status };
    } catch (cause) {
      return actionFailure(cause, { target: name, values: { comment } });
    }
  },
  invite: inviteReviewer,
};

import { Practice, PracticeVersionDiff } from '@pathways/contracts';
import { countryName } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { loadFailure } from '$lib/server/failures';
import { requireUser } from '$lib/server/guard';
import { vocabularyOptions } from '$lib/server/taxonomy';
import { describeChanges, type DiffLabels } from '$lib/server/version-diff';
import type { Vocabulary } from '@pathways/contracts';
import type { PageServerLoad } from './$types';

const numberParam = (url: URL, name: string): number | null => {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  const value = Number(raw);
  return Number.isInteger(value) ? value : NaN;
};

/** Two versions side by side, field by field: for authors, editors and reviewers (signed in). */
export const load: PageServerLoad = async ({ locals, params, url, parent }) => {
  requireUser(locals, url);
  const locale = getLocale();
  try {
    const [practice, { versions }] = await Promise.all([
      locals.api.get(`/api/practices/${params.id}`, Practice),
      parent(),
    ]);
    const numbers = versions.map((v) => v.number).sort((a, b) => a - b);
    const latest = numbers.at(-1) ?? 1;
    const from = numberParam(url, 'from') ?? Math.max(1, latest - 1);
    const to = numberParam(url, 'to') ?? latest;
    const base = { practice, versions, from, to };
    if (numbers.length < 2) return { ...base, comparison: null, problem: null };
    const errors: Record<string, string> = {};
    if (!numbers.includes(from)) errors.from = m.versions_error_unknown();
    if (!numbers.includes(to)) errors.to = m.versions_error_unknown();
    if (!errors.from && !errors.to && from === to) errors.to = m.versions_error_same();
    if (Object.keys(errors).length) return { ...base, comparison: null, problem: errors };

    const labelsOf = async (vocabulary: Vocabulary) =>
      Object.fromEntries(
        (await vocabularyOptions(locals.api, vocabulary, locale)).map((o) => [o.value, o.label]),
      );
    const [diff, themes, stages, targetGroups, frameworks] = await Promise.all([
      locals.api.get(`/api/practices/${params.id}/diff`, PracticeVersionDiff, { from, to }),
      labelsOf('theme'),
      labelsOf('stage'),
      labelsOf('target_group'),
      labelsOf('framework'),
    ]);
    const labels: DiffLabels = {
      terms: { themes, stages, targetGroups, frameworks },
      country: (code) => countryName(code, locale),
      locale,
    };
    return {
      ...base,
      comparison: { from: diff.from, to: diff.to, rows: describeChanges(diff.changes, labels) },
      problem: null,
    };
  } catch (cause) {
    loadFailure(cause);
  }
};

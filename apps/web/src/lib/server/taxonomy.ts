import { createHash } from 'node:crypto';
import { seedTaxonomy, TaxonomyList, type TaxonomyTerm, type Vocabulary } from '@pathways/contracts';
import type { Locale } from '$lib/paraglide/runtime';
import type { ApiClient } from './api';

export interface Option {
  value: string;
  label: string;
}

const ttlMs = 60_000;
let cached: { terms: TaxonomyTerm[]; at: number; version: string } | null = null;

/** Which labels pages show now (an admin may edit them), for the pages' ETags. */
export const taxonomyVersion = (): string => cached?.version ?? 'seed';

/** The taxonomy changes rarely, so one copy serves every request for a minute. */
async function terms(api: ApiClient): Promise<TaxonomyTerm[]> {
  if (cached && Date.now() - cached.at < ttlMs) return cached.terms;
  try {
    const { items } = await api.get('/api/taxonomy', TaxonomyList);
    const version = createHash('sha256').update(JSON.stringify(items)).digest('base64url').slice(0, 16);
    cached = { terms: items, at: Date.now(), version };
    return items;
  } catch (cause) {
    // Labels are not worth a broken page: the seeded terms are the same until an admin edits them.
    console.warn('taxonomy unavailable, using the seeded terms', cause);
    return seedTaxonomy;
  }
}

/** Options of one vocabulary, labelled in the UI language, in their defined order. */
export async function vocabularyOptions(
  api: ApiClient,
  vocabulary: Vocabulary,
  locale: Locale,
): Promise<Option[]> {
  return (await terms(api))
    .filter((term) => term.vocabulary === vocabulary)
    .sort((a, b) => a.position - b.position)
    .map((term) => ({ value: term.code, label: term.label[locale] }));
}

import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import type { CitationFormat, LibraryPractice, Locale } from '@pathways/contracts';

/** What a citation names: a published version, at its permanent address. */
export interface CitedVersion {
  practice: LibraryPractice;
  /** The version's permanent page. */
  url: string;
}

export interface Citation {
  body: string;
  contentType: string;
  /** For a download's file name. */
  extension: string;
}

// citation-js bundles CSL locales for these; "Version 2" becomes "Versión 2".
const cslLocales: Record<Locale, string> = { en: 'en-US', es: 'es-ES', fr: 'fr-FR' };
const genres: Record<Locale, string> = { en: 'Good practice', es: 'Buena práctica', fr: 'Bonne pratique' };
export const publisher = 'Pathways';

/** A BibTeX key from the slug: letters, digits and underscores only, so citation-js keeps it. */
const citationKey = ({ slug, versionNumber }: LibraryPractice) =>
  `pathways_${slug.replace(/-/g, '_')}_v${versionNumber}`;

const dateParts = (iso: string) => {
  const date = new Date(iso);
  return [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]];
};

/**
 * The version as a CSL-JSON item: a report by the submitting organisation, issued when the version
 * was first published, at the version's permanent address. No access date, so the same version
 * always cites the same (and caches hold).
 */
export function cslItem({ practice, url }: CitedVersion, genre = genres.en): Record<string, unknown> {
  const { content } = practice;
  return {
    id: `${practice.slug}-v${practice.versionNumber}`,
    'citation-key': citationKey(practice),
    type: 'report',
    genre,
    title: content.title ?? practice.slug,
    author: [{ literal: practice.organisation.name }],
    issued: { 'date-parts': dateParts(practice.publishedAt) },
    publisher,
    version: String(practice.versionNumber),
    language: practice.language,
    URL: url,
    ...(content.summary ? { abstract: content.summary } : {}),
    ...(practice.retraction ? { status: 'retracted' } : {}),
  };
}

// citation-js writes a literal name into BibTeX as it is; these characters would break LaTeX.
const latexSpecials = /[\\&%$#_{}~^]/g;
const escapeLatex = (text: string) =>
  text.replace(latexSpecials, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '~' || c === '^' ? `\\${c}{}` : `\\${c}`,
  );

/** A citation of the version in one format: APA text in the reader's language, BibTeX or CSL-JSON. */
export function citation(cited: CitedVersion, format: CitationFormat, locale: Locale): Citation {
  switch (format) {
    case 'text': {
      const cite = new Cite(cslItem(cited, genres[locale]));
      const body = cite.format('bibliography', { format: 'text', template: 'apa', lang: cslLocales[locale] });
      return { body: body.trim(), contentType: 'text/plain; charset=utf-8', extension: 'txt' };
    }
    case 'bibtex': {
      const item = cslItem(cited);
      const author = [{ literal: escapeLatex(cited.practice.organisation.name) }];
      // BibTeX has no version field; a note carries it.
      const note = `Version ${cited.practice.versionNumber}`;
      const body = new Cite({ ...item, author, note }).format('bibtex');
      return { body, contentType: 'application/x-bibtex; charset=utf-8', extension: 'bib' };
    }
    case 'csl': {
      const body = `${JSON.stringify([cslItem(cited)], null, 2)}\n`;
      return {
        body,
        contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8',
        extension: 'json',
      };
    }
  }
}

/**
 * citation-js builds a CSL engine per locale on first use, which takes seconds; the server does it
 * after it starts listening, one locale at a time, so no reader waits for it.
 */
export async function warmCitationEngines(): Promise<void> {
  for (const lang of Object.values(cslLocales)) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    new Cite({ id: 'warm-up', type: 'report', title: 'Warm-up' }).format('bibliography', {
      format: 'text',
      template: 'apa',
      lang,
    });
  }
}

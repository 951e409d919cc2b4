import type { LibraryPractice } from '@pathways/contracts';

/**
 * schema.org description of a published version of a practice, for search engines and harvesters:
 * what the library shows, nothing of the review. `url` is the version's page, `practiceUrl` the
 * practice's (its latest version).
 */
export function practiceJsonLd(
  practice: LibraryPractice,
  url: string,
  practiceUrl: string,
  themeLabels: Record<string, string>,
) {
  const { content } = practice;
  return {
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': url,
    url,
    mainEntityOfPage: practiceUrl,
    name: content.title ?? '',
    abstract: content.summary ?? undefined,
    inLanguage: practice.language,
    license: content.licence ? `https://spdx.org/licenses/${content.licence}.html` : undefined,
    version: String(practice.versionNumber),
    datePublished: practice.publishedAt,
    dateModified: practice.updatedAt,
    creativeWorkStatus: practice.retraction ? 'Retracted' : 'Published',
    author: { '@type': 'Organization', name: practice.organisation.name },
    contributor: (content.partners ?? []).map((name) => ({ '@type': 'Organization', name })),
    keywords: (content.themes ?? []).map((code) => themeLabels[code] ?? code).join(', ') || undefined,
    spatialCoverage: (content.countries ?? []).map((c) => ({
      '@type': 'Country',
      identifier: c.code,
    })),
  };
}

/**
 * JSON for a <script type="application/ld+json"> element: `<` is written as \u003c so no text in a
 * practice can close the element or open another one.
 */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** The whole element, built here because markup cannot hold a literal closing script tag. */
export const jsonLdScript = (value: unknown): string =>
  `<script type="application/ld+json">${jsonForScript(value)}</script>`;

import { error } from '@sveltejs/kit';
import {
  type CitationFormat,
  LibraryPractice,
  LibraryPracticeSlug,
  LibraryPracticeVersionParams,
  type Vocabulary,
} from '@pathways/contracts';
import { countryName, formatDate } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { fieldLabel, languageLabels } from '$lib/practice';
import { ApiFailure } from './api-failure';
import { apiUrl } from './config';
import { loadFailure } from './failures';
import { pageValidators } from './page-validators';
import { vocabularyOptions } from './taxonomy';
import { describeChanges, type DiffLabels } from './version-diff';

/** The public addresses of a practice in the library (agreed across the library's pages and files). */
export const libraryPracticePath = (slug: string) => `/library/practices/${slug}`;
export const libraryVersionPath = (slug: string, number: number) =>
  `${libraryPracticePath(slug)}/versions/${number}`;

/** A slug and version number as they came in the address; null when they cannot name a version. */
export function versionAddress(slug: string, number?: string): { slug: string; number?: number } | null {
  if (number === undefined) return LibraryPracticeSlug.safeParse(slug).success ? { slug } : null;
  const parsed = LibraryPracticeVersionParams.safeParse({ slug, number });
  return parsed.success ? parsed.data : null;
}

/** One citation of a version, as the API formats it (text in the reader's language). */
async function citationOf(
  fetchFn: typeof fetch,
  path: string,
  format: CitationFormat,
  locale: Locale,
  clientAddress: string | undefined,
): Promise<string> {
  const url = new URL(`${apiUrl()}/api${path}/citation`);
  url.searchParams.set('format', format);
  if (format === 'text') url.searchParams.set('locale', locale);
  const response = await fetchFn(url, {
    headers: clientAddress ? { 'x-forwarded-for': clientAddress } : {},
  });
  if (!response.ok) {
    throw new ApiFailure(response.status, {
      statusCode: response.status,
      code: response.status === 404 ? 'NOT_FOUND' : 'INTERNAL',
      message: `citation ${format}: ${response.statusText}`,
      requestId: response.headers.get('x-request-id') ?? '',
    });
  }
  return response.text();
}

export interface LibraryPracticeRequest {
  locals: App.Locals;
  fetchFn: typeof fetch;
  slug: string;
  /** The version of a permanent address; the latest published one otherwise. */
  number?: string;
  locale: Locale;
  clientAddress?: string;
  setHeaders: (headers: Record<string, string>) => void;
  /** The page's address, for its ETag. */
  address: URL;
  /** What the layout shows of the reader (see `readerOf`), for the ETag. */
  reader: () => Promise<unknown>;
}

/** Everything a library practice page shows, labelled in the reader's language. */
export async function loadLibraryPractice(request: LibraryPracticeRequest) {
  const { locals, fetchFn, locale, clientAddress } = request;
  const address = versionAddress(request.slug, request.number);
  if (!address) error(404, m.error_not_found());
  const path =
    address.number === undefined
      ? libraryPracticePath(address.slug)
      : libraryVersionPath(address.slug, address.number);
  try {
    const practice = await locals.api.get(`/api${path}`, LibraryPractice);
    const versionPath = libraryVersionPath(practice.slug, practice.versionNumber);
    const labelsOf = async (vocabulary: Vocabulary) =>
      Object.fromEntries(
        (await vocabularyOptions(locals.api, vocabulary, locale)).map((o) => [o.value, o.label]),
      );
    const [themes, stages, targetGroups, frameworks, kinds, text, bibtex, csl] = await Promise.all([
      labelsOf('theme'),
      labelsOf('stage'),
      labelsOf('target_group'),
      labelsOf('framework'),
      labelsOf('organisation_kind'),
      citationOf(fetchFn, versionPath, 'text', locale, clientAddress),
      citationOf(fetchFn, versionPath, 'bibtex', locale, clientAddress),
      citationOf(fetchFn, versionPath, 'csl', locale, clientAddress),
    ]);
    request.setHeaders(
      pageValidators({
        upstream: [practice.updatedAt, practice.slug, practice.versionNumber].join('\n'),
        lastModified: practice.updatedAt,
        locale,
        reader: await request.reader(),
        address: request.address,
      }),
    );

    const terms = { themes, stages, targetGroups, frameworks };
    const country = (code: string) => countryName(code, locale);
    const labels: DiffLabels = { terms, country, locale };
    const { organisation } = practice;
    return {
      practice,
      title: practice.content.title || practice.slug,
      terms,
      countries: Object.fromEntries((practice.content.countries ?? []).map((c) => [c.code, country(c.code)])),
      organisation: {
        name: organisation.name,
        kind: kinds[organisation.kind] ?? organisation.kind,
        country: organisation.country ? country(organisation.country) : null,
      },
      language: languageLabels[practice.language]?.() ?? practice.language,
      publishedOn: formatDate(practice.publishedAt, locale),
      latest: practice.versionNumber === practice.latestVersionNumber,
      paths: {
        practice: libraryPracticePath(practice.slug),
        version: versionPath,
        latest: libraryVersionPath(practice.slug, practice.latestVersionNumber),
      },
      history: [...practice.versions].reverse().map((v) => ({
        number: v.number,
        href: libraryVersionPath(practice.slug, v.number),
        publishedAt: v.publishedAt,
        publishedOn: formatDate(v.publishedAt, locale),
        changed: v.previousNumber === null ? null : v.changedFields.map(fieldLabel).join(', '),
        current: v.number === practice.versionNumber,
      })),
      previousNumber:
        practice.versions.find((v) => v.number === practice.versionNumber)?.previousNumber ?? null,
      changes: describeChanges(practice.changes, labels),
      retraction: practice.retraction && {
        date: formatDate(practice.retraction.retractedAt, locale),
        at: practice.retraction.retractedAt,
        notice: practice.retraction.notice,
      },
      citation: {
        text,
        bibtex,
        csl,
        bibtexHref: `${versionPath}/citation.bib`,
        cslHref: `${versionPath}/citation.json`,
      },
    };
  } catch (cause) {
    loadFailure(cause);
  }
}

export type LibraryPracticePage = NonNullable<Awaited<ReturnType<typeof loadLibraryPractice>>>;

import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  type FacetCount,
  type FacetName,
  facetNames,
  type LibraryHit,
  type LibrarySearchQuery,
  type LibrarySearchResult,
} from '@pathways/contracts';
import { highlighted } from './highlight';
import { librarySearchStatement, searchBounds } from './library-search.sql';

interface SearchRow {
  total: number;
  /** How many matches the facets were counted over: all of them unless there are very many. */
  sampled: number;
  facets: { facet: FacetName; value: string; count: number }[];
  items: {
    id: string;
    slug: string;
    title: string;
    summary: string;
    organisation_name: string;
    organisation_kind: LibraryHit['organisationKind'];
    countries: LibraryHit['countries'];
    themes: string[];
    year: number | null;
    language: LibraryHit['language'];
    version_number: number;
    published_at: string;
    retracted: boolean;
  }[];
}

type Found = Omit<LibrarySearchResult, 'didYouMean'>;

/** Words of a query as the library's word list holds them (hyphenated words kept whole). */
const queryWords = (q: string) => (q.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []).slice(0, 20);

// For each word: is it known as typed (unaccented, lower case), and the closest known word if not.
const suggestionSql = `
select w.word, exists(select 1 from library_word k where k.word = w.norm) as known,
  (select k.word from library_word k where k.word % w.norm
    order by similarity(k.word, w.norm) desc, k.word limit 1) as closest
from (select word, n, public.immutable_unaccent(lower(word)) as norm
  from unnest(?::text[]) with ordinality u(word, n)) w
order by w.n`;

/** Search over the library's read model (never the workflow tables). */
@Injectable()
export class LibraryService {
  /** How much work one search may do (tests narrow it to see the bounds act on a small library). */
  bounds: { rankedCandidates: number; facetSample: number } = searchBounds;

  constructor(private readonly em: EntityManager) {}

  /** Through knex, so values travel as server-side parameters (MikroORM's execute inlines them). */
  private async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    const result = await this.em.getKnex().raw<{ rows: T[] }>(sql, params as never);
    return result.rows;
  }

  async search(query: LibrarySearchQuery): Promise<LibrarySearchResult> {
    const words = query.q?.trim() || undefined;
    const found = await this.find(query, words);
    if (!words || found.total > 0) return { ...found, didYouMean: null };
    // Nothing for the words as typed: try the closest known spelling of each unknown word.
    const suggestion = await this.suggest(words);
    if (!suggestion) return { ...found, didYouMean: null };
    const corrected = await this.find(query, suggestion);
    return corrected.total > 0 ? { ...corrected, didYouMean: suggestion } : { ...found, didYouMean: null };
  }

  private async find(query: LibrarySearchQuery, words: string | undefined): Promise<Found> {
    const { sql, params } = librarySearchStatement(query, words, this.bounds);
    const [row] = await this.query<SearchRow>(sql, params);
    const facets = Object.fromEntries(facetNames.map((name) => [name, [] as FacetCount[]])) as Record<
      FacetName,
      FacetCount[]
    >;
    // Counts over a sample stand for the whole match set in proportion (at least 1: the value exists).
    const scale = row.sampled > 0 && row.total > row.sampled ? row.total / row.sampled : 1;
    for (const { facet, value, count } of row.facets)
      facets[facet].push({ value, count: scale === 1 ? count : Math.max(1, Math.round(count * scale)) });
    for (const counts of Object.values(facets)) {
      counts.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    }
    return {
      items: row.items.map((r) => ({
        id: r.id,
        slug: r.slug,
        title: highlighted(r.title),
        summary: highlighted(r.summary),
        organisationName: r.organisation_name,
        organisationKind: r.organisation_kind,
        countries: r.countries,
        themes: r.themes,
        year: r.year,
        language: r.language,
        versionNumber: r.version_number,
        publishedAt: new Date(r.published_at).toISOString(),
        retracted: r.retracted,
      })),
      total: row.total,
      approximate: scale !== 1,
      page: query.page,
      pageSize: query.pageSize,
      facets,
    };
  }

  /** The query with each unknown word replaced by the closest known one; null when nothing changes. */
  private async suggest(q: string): Promise<string | null> {
    const words = queryWords(q);
    if (!words.length) return null;
    const rows = await this.query<{ word: string; known: boolean; closest: string | null }>(suggestionSql, [
      words,
    ]);
    const corrected = rows.map((r) => (r.known || r.word.length < 3 || !r.closest ? r.word : r.closest));
    return corrected.some((word, i) => word !== rows[i].word) ? corrected.join(' ') : null;
  }
}

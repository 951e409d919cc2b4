import { Inject, Injectable } from '@nestjs/common';
import { type LibrarySearchQuery, LibrarySearchResult } from '@pathways/contracts';
import { LRUCache } from 'lru-cache';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { LibraryService } from './library.service';

/**
 * Search answers, ready to send, kept per process for the library's generation: a publication
 * moves the generation, so no entry of an older one is ever served again (they age out of the
 * LRU). Filter-only and common searches then cost one tiny query. `LIBRARY_SEARCH_CACHE=0` turns
 * it off (the benchmark compares the API with a bare handler running the same SQL).
 */
@Injectable()
export class LibrarySearchCache {
  private readonly answers: LRUCache<string, Promise<string>> | null;

  constructor(
    private readonly library: LibraryService,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    const max = config.LIBRARY_SEARCH_CACHE;
    this.answers = max > 0 ? new LRUCache({ max }) : null;
  }

  /** The answer as JSON; identical searches arriving together share one run of the SQL. */
  body(generation: string, key: string, query: LibrarySearchQuery): Promise<string> {
    if (!this.answers) return this.run(query);
    const id = `${generation}\n${key}`;
    const cached = this.answers.get(id);
    if (cached) return cached;
    const answer = this.run(query);
    this.answers.set(id, answer);
    // A failure is not an answer: the next request tries again.
    answer.catch(() => {
      if (this.answers?.peek(id) === answer) this.answers.delete(id);
    });
    return answer;
  }

  private async run(query: LibrarySearchQuery): Promise<string> {
    return JSON.stringify(LibrarySearchResult.parse(await this.library.search(query)));
  }
}

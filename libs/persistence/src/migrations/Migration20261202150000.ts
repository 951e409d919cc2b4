import { Migration } from '@mikro-orm/migrations';

const languages = ['en', 'es', 'fr'] as const;

/**
 * One GIN index on `search` per content language, each partial on its language. A search asks
 * `(language = 'en' and search @@ q.en) or …`: with a partial index per arm the planner answers each
 * arm from its index alone, so it no longer re-tests `@@` on every matching row, which read each
 * practice's whole (toasted) vector: 6× fewer pages for a common word (docs/performance.md).
 */
export class Migration20261202150000 extends Migration {
  override async up(): Promise<void> {
    for (const language of languages) {
      this.addSql(
        `create index "library_practice_search_${language}_index" on "library_practice" using gin ("search") where "language" = '${language}';`,
      );
    }
    this.addSql(`drop index "library_practice_search_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index "library_practice_search_index" on "library_practice" using gin ("search");`);
    for (const language of languages) this.addSql(`drop index "library_practice_search_${language}_index";`);
  }
}

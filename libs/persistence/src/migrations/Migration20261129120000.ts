import { Migration } from '@mikro-orm/migrations';

/**
 * Harvesting the library (issue 4): OAI-PMH lists records in datestamp order, keyset-paged on
 * (refreshed_at, id), and counts a set's records from the same index (it holds the themes); the
 * sitemap and GetRecord find practices by slug, the sitemap with each one's last change straight
 * from the index.
 */
export class Migration20261129120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "library_practice_refreshed_at_id_index" on "library_practice" ("refreshed_at", "id") include ("themes");`,
    );
    this.addSql(
      `create unique index "library_practice_slug_unique" on "library_practice" ("slug") include ("refreshed_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "library_practice_slug_unique";`);
    this.addSql(`drop index if exists "library_practice_refreshed_at_id_index";`);
  }
}

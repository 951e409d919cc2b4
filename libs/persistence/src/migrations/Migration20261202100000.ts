import { Migration } from '@mikro-orm/migrations';

/**
 * Every published version of a library practice, for its version history and permanent links, and
 * the public retraction notice. Kept from the workflow log by `refreshLibraryEntry`, so a practice
 * under revision (no longer in state `published`) keeps its last published version in the library.
 */
export class Migration20261202100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "library_practice" add column "retracted_at" timestamptz null, add column "retraction_notice" text null;`,
    );
    this.addSql(
      `create table "library_practice_version" (
        "practice_id" uuid not null references "library_practice" ("id") on delete cascade,
        "number" int not null,
        "title" text not null,
        "language" text not null,
        "content" jsonb not null,
        "published_at" timestamptz not null,
        "previous_number" int null,
        "changed_fields" text[] not null default '{}',
        "changes" jsonb not null default '[]',
        "refreshed_at" timestamptz not null default now(),
        constraint "library_practice_version_pkey" primary key ("practice_id", "number"),
        constraint library_practice_version_language_check check (language in ('en', 'es', 'fr'))
      );`,
    );
    // Rows listed before this migration get their listed version, so their pages work before the
    // next refresh or `library:rebuild` fills in the whole history from the log.
    this.addSql(
      `insert into "library_practice_version" ("practice_id", "number", "title", "language", "content", "published_at")
       select "id", "version_number", "title", "language", "content", "published_at" from "library_practice";`,
    );
    // The page of a practice is found by its slug: Migration20261129120000's unique slug index.
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "library_practice_version";`);
    this.addSql(
      `alter table "library_practice" drop column "retracted_at", drop column "retraction_notice";`,
    );
  }
}

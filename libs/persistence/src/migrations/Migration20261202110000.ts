import { Migration } from '@mikro-orm/migrations';
import { corridorsOf } from '../library/corridors';

/**
 * The library's public review figures (median days from submission to decision, share accepted):
 * one row per editorial decision, with its dates and outcome only (no reviewer, no author, no
 * content). Kept from the workflow log by `refreshReviewDecisions`, so statistics never read the
 * workflow tables. Covers every decided practice, not only those in the library, or every share
 * would be 100%. `library:rebuild` fills it for decisions taken before this migration.
 */
export class Migration20261202110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "library_review_decision" (
        "practice_id" uuid not null,
        "sequence" int not null,
        "submitted_at" timestamptz not null,
        "decided_at" timestamptz not null,
        "outcome" text not null,
        "refreshed_at" timestamptz not null default now(),
        constraint "library_review_decision_pkey" primary key ("practice_id", "sequence"),
        constraint library_review_decision_outcome_check check (outcome in ('accepted', 'rejected'))
      );`,
    );
    // The statistics' cache asks for the newest change of each table on every request.
    this.addSql(
      `create index "library_review_decision_refreshed_at_index" on "library_review_decision" ("refreshed_at");`,
    );
    // Each origin → destination pair a practice names ("PH>ES"), so the statistics count corridors
    // like any other facet instead of pairing up every row's countries on each request.
    this.addSql(`alter table "library_practice" add column "corridors" text[] not null default '{}';`);
    this.addSql(
      `update "library_practice" set "corridors" = ${corridorsOf('"countries"')} where "countries" <> '[]'::jsonb;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "library_practice" drop column "corridors";`);
    this.addSql(`drop table if exists "library_review_decision";`);
  }
}

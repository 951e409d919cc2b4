import { Migration } from '@mikro-orm/migrations';

/**
 * A library practice names the public pilot it grew out of (issue 5), so its page links back to the
 * pilot's registry page. Null when it did not grow out of a pilot or the pilot is not public.
 */
export class Migration20261202190000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "library_practice" add column "pilot_slug" text null, add column "pilot_title" text null;`,
    );
    // Practices already in the library get their link now rather than at their next publication.
    this.addSql(
      `update "library_practice" l set "pilot_slug" = pl."slug", "pilot_title" = pl."content"->>'title', "refreshed_at" = now()
       from "practice" p join "pilot" pl on pl."id" = p."pilot_id" and pl."activated_at" is not null
       where p."id" = l."id";`,
    );
    this.addSql(
      `update "library_state" set "generation" = "generation" + 1, "changed_at" = greatest("changed_at", clock_timestamp());`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "library_practice" drop column "pilot_slug", drop column "pilot_title";`);
  }
}

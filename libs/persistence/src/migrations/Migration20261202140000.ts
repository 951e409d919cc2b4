import { Migration } from '@mikro-orm/migrations';

/**
 * The library's generation: one row whose number goes up, in the same transaction, with every
 * change to the read model (`refreshLibraryEntry`, `rebuildLibrary`). Caches of searches, exports
 * and feeds are keyed on it, so a publication invalidates them on every API replica at once.
 */
export class Migration20261202140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "library_state" (
        "id" boolean not null default true,
        "generation" bigint not null default 0,
        "changed_at" timestamptz not null default now(),
        constraint "library_state_pkey" primary key ("id"),
        constraint library_state_single_row check ("id")
      );`,
    );
    this.addSql(
      `insert into "library_state" ("generation", "changed_at")
       select 0, coalesce(max("refreshed_at"), now()) from "library_practice";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "library_state";`);
  }
}

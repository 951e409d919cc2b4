import { Migration } from '@mikro-orm/migrations';

/** Practices and their versions (the practice workflow's records). */
export class Migration20261128180512 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "practice" ("id" uuid not null, "slug" text not null, "organisation_id" uuid not null, "status" text not null default 'draft', "current_version_id" uuid null, "created_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "practice_pkey" primary key ("id"), constraint practice_status_check check (status in ('draft', 'submitted', 'screening', 'in_review', 'revisions_requested', 'resubmitted', 'accepted', 'published', 'rejected', 'withdrawn', 'retracted')));`,
    );
    this.addSql(`alter table "practice" add constraint "practice_slug_unique" unique ("slug");`);
    this.addSql(`create index "practice_organisation_id_index" on "practice" ("organisation_id");`);
    this.addSql(`create index "practice_status_index" on "practice" ("status");`);
    this.addSql(
      `create table "practice_version" ("id" uuid not null, "practice_id" uuid not null, "number" int not null, "content" jsonb not null, "submitted_at" timestamptz null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "practice_version_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "practice_version" add constraint "practice_version_practice_id_number_unique" unique ("practice_id", "number");`,
    );
    this.addSql(
      `alter table "practice" add constraint "practice_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "practice" add constraint "practice_current_version_id_foreign" foreign key ("current_version_id") references "practice_version" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "practice" add constraint "practice_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "practice_version" add constraint "practice_version_practice_id_foreign" foreign key ("practice_id") references "practice" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "practice_version" add constraint "practice_version_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "practice" drop constraint "practice_current_version_id_foreign";`);
    this.addSql(`drop table if exists "practice_version" cascade;`);
    this.addSql(`drop table if exists "practice" cascade;`);
  }
}

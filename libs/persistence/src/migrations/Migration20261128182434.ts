import { Migration } from '@mikro-orm/migrations';

export class Migration20261128182434 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "review_assignment" ("id" uuid not null, "practice_id" uuid not null, "practice_version_id" uuid not null, "reviewer_id" uuid not null, "invited_by_id" uuid null, "status" text not null default 'invited', "invited_at" timestamptz not null, "respond_by" timestamptz not null, "due_at" timestamptz null, "conflict_declaration" text null, "review" jsonb null, "submitted_at" timestamptz null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "review_assignment_pkey" primary key ("id"), constraint review_assignment_status_check check (status in ('invited', 'accepted', 'declined', 'expired', 'overdue', 'submitted')));`,
    );
    this.addSql(`create index "review_assignment_practice_id_index" on "review_assignment" ("practice_id");`);
    this.addSql(
      `create index "review_assignment_reviewer_id_status_index" on "review_assignment" ("reviewer_id", "status");`,
    );
    this.addSql(
      `alter table "review_assignment" add constraint "review_assignment_practice_version_id_reviewer_id_unique" unique ("practice_version_id", "reviewer_id");`,
    );

    this.addSql(
      `alter table "review_assignment" add constraint "review_assignment_practice_id_foreign" foreign key ("practice_id") references "practice" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "review_assignment" add constraint "review_assignment_practice_version_id_foreign" foreign key ("practice_version_id") references "practice_version" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "review_assignment" add constraint "review_assignment_reviewer_id_foreign" foreign key ("reviewer_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "review_assignment" add constraint "review_assignment_invited_by_id_foreign" foreign key ("invited_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "review_assignment" cascade;`);
  }
}

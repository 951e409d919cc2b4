import { Migration } from '@mikro-orm/migrations';

/** Pilots' milestones and progress reports (issue 5). */
export class Migration20261202171000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "pilot_report" ("id" uuid not null, "pilot_id" uuid not null, "organisation_id" uuid not null, "period_start" date not null, "period_end" date not null, "narrative" text not null default '', "indicators" jsonb not null, "compiled" boolean not null default false, "submitted_at" timestamptz null, "submitted_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "pilot_report_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "pilot_report_pilot_id_submitted_at_index" on "pilot_report" ("pilot_id", "submitted_at");`,
    );
    this.addSql(
      `create table "pilot_milestone" ("id" uuid not null, "pilot_id" uuid not null, "title" text not null, "due_date" date not null, "status" text not null default 'planned', "progress" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "pilot_milestone_pkey" primary key ("id"), constraint pilot_milestone_progress_check check (progress between 0 and 100), constraint pilot_milestone_status_check check (status in ('planned', 'in_progress', 'done', 'delayed', 'cancelled')));`,
    );
    this.addSql(`create index "pilot_milestone_pilot_id_index" on "pilot_milestone" ("pilot_id");`);
    this.addSql(
      `alter table "pilot_report" add constraint "pilot_report_pilot_id_foreign" foreign key ("pilot_id") references "pilot" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "pilot_report" add constraint "pilot_report_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pilot_report" add constraint "pilot_report_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "pilot_milestone" add constraint "pilot_milestone_pilot_id_foreign" foreign key ("pilot_id") references "pilot" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pilot_report";`);
    this.addSql(`drop table if exists "pilot_milestone";`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/** Review policy, reviewer expertise, invitation origin, the mail log, and timers past 24 days. */
export class Migration20261128192630 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "email_delivery" ("id" uuid not null, "key" text not null, "to" text not null, "subject" text not null, "text" text not null, "locale" text not null default 'en', "status" text not null default 'sending', "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "email_delivery_pkey" primary key ("id"), constraint email_delivery_status_check check (status in ('sending', 'sent')));`,
    );
    this.addSql(`alter table "email_delivery" add constraint "email_delivery_key_unique" unique ("key");`);
    this.addSql(`create index "email_delivery_created_at_index" on "email_delivery" ("created_at");`);

    this.addSql(
      `create table "review_policy" ("id" text not null default 'default', "reviewers_required" int not null, "require_un_entity_reviewer" boolean not null, "blind_mode" text not null, "invitation_window_days" int not null, "review_due_days" int not null, "remind_before_due_days" int not null, "remind_on_due" boolean not null, "remind_after_due_days" int not null, "escalate_after_overdue_days" int not null, "invite_backup_reviewer" boolean not null, "extra_reviewer_on_disagreement" boolean not null, "updated_by_id" uuid null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "review_policy_pkey" primary key ("id"), constraint review_policy_days_check check (reviewers_required between 1 and 10 and invitation_window_days >= 1 and review_due_days >= 1 and remind_before_due_days >= 0 and remind_before_due_days < review_due_days and remind_after_due_days >= 0 and escalate_after_overdue_days >= 0), constraint review_policy_blind_mode_check check (blind_mode in ('single', 'double')));`,
    );
    this.addSql(
      `alter table "review_policy" add constraint "review_policy_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "outbox_message" alter column "delay_ms" type bigint using ("delay_ms"::bigint);`,
    );

    this.addSql(
      `alter table "app_user" add column "expertise_themes" text[] not null default '{}', add column "review_languages" text[] not null default '{}', add column "expertise_countries" text[] not null default '{}';`,
    );

    this.addSql(`alter table "review_assignment" add column "origin" text not null default 'editor';`);
    this.addSql(
      `alter table "review_assignment" add constraint review_assignment_origin_check check(origin in ('editor', 'backup', 'disagreement'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "email_delivery" cascade;`);
    this.addSql(`drop table if exists "review_policy" cascade;`);
    this.addSql(
      `alter table "app_user" drop column "expertise_themes", drop column "review_languages", drop column "expertise_countries";`,
    );
    this.addSql(`alter table "outbox_message" alter column "delay_ms" type int4 using ("delay_ms"::int4);`);
    this.addSql(`alter table "review_assignment" drop constraint review_assignment_origin_check;`);
    this.addSql(`alter table "review_assignment" drop column "origin";`);
  }
}

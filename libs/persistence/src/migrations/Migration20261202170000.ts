import { Migration } from '@mikro-orm/migrations';

/**
 * Pilots (issue 5): a pilot and its partners, one row per pilot and organisation holding the lead or
 * an invitation and its answer; a practice may name the pilot it grew out of.
 */
export class Migration20261202170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "pilot" ("id" uuid not null, "slug" text not null, "lead_organisation_id" uuid not null, "status" text not null default 'draft', "content" jsonb not null, "activated_at" timestamptz null, "completed_at" timestamptz null, "closed_reason" text null, "created_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "pilot_pkey" primary key ("id"), constraint pilot_status_check check (status in ('draft', 'proposed', 'forming', 'active', 'completed', 'closed', 'withdrawn')));`,
    );
    this.addSql(`alter table "pilot" add constraint "pilot_slug_unique" unique ("slug");`);
    this.addSql(`create index "pilot_lead_organisation_id_index" on "pilot" ("lead_organisation_id");`);
    this.addSql(`create index "pilot_status_index" on "pilot" ("status");`);
    this.addSql(
      `create table "pilot_partner" ("id" uuid not null, "pilot_id" uuid not null, "organisation_id" uuid not null, "role" text not null, "status" text not null default 'invited', "message" text null, "countries" text[] not null, "invited_by_id" uuid null, "invited_at" timestamptz not null, "expires_at" timestamptz null, "responded_by_id" uuid null, "responded_at" timestamptz null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "pilot_partner_pkey" primary key ("id"), constraint pilot_partner_status_check check (status in ('invited', 'accepted', 'declined', 'expired', 'withdrawn')), constraint pilot_partner_role_check check (role in ('lead', 'implementing', 'funding', 'technical', 'advisory')));`,
    );
    this.addSql(`create index "pilot_partner_organisation_id_index" on "pilot_partner" ("organisation_id");`);
    this.addSql(
      `alter table "pilot_partner" add constraint "pilot_partner_pilot_id_organisation_id_unique" unique ("pilot_id", "organisation_id");`,
    );
    this.addSql(
      `alter table "pilot" add constraint "pilot_lead_organisation_id_foreign" foreign key ("lead_organisation_id") references "organisation" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pilot" add constraint "pilot_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "pilot_partner" add constraint "pilot_partner_pilot_id_foreign" foreign key ("pilot_id") references "pilot" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "pilot_partner" add constraint "pilot_partner_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pilot_partner" add constraint "pilot_partner_invited_by_id_foreign" foreign key ("invited_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "pilot_partner" add constraint "pilot_partner_responded_by_id_foreign" foreign key ("responded_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`alter table "practice" add column "pilot_id" uuid null;`);
    this.addSql(
      `alter table "practice" add constraint "practice_pilot_id_foreign" foreign key ("pilot_id") references "pilot" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "practice_pilot_id_index" on "practice" ("pilot_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "practice_pilot_id_index";`);
    this.addSql(`alter table "practice" drop constraint "practice_pilot_id_foreign";`);
    this.addSql(`alter table "practice" drop column "pilot_id";`);
    this.addSql(`drop table if exists "pilot_partner";`);
    this.addSql(`drop table if exists "pilot";`);
  }
}

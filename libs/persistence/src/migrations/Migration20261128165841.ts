import { Migration } from '@mikro-orm/migrations';

export class Migration20261128165841 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_event" ("id" uuid not null, "actor_id" uuid null, "action" text not null, "subject_type" text not null, "subject_id" uuid not null, "data" jsonb null, "request_id" text null, "created_at" timestamptz not null, constraint "audit_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_event_created_at_index" on "audit_event" ("created_at");`);
    this.addSql(
      `create index "audit_event_subject_type_subject_id_index" on "audit_event" ("subject_type", "subject_id");`,
    );

    this.addSql(
      `create table "taxonomy_term" ("id" uuid not null, "vocabulary" text not null, "code" text not null, "label" jsonb not null, "position" int not null default 0, "active" boolean not null default true, constraint "taxonomy_term_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "taxonomy_term" add constraint "taxonomy_term_vocabulary_code_unique" unique ("vocabulary", "code");`,
    );

    this.addSql(
      `create table "app_user" ("id" uuid not null, "email" text not null, "name" text not null, "password_hash" text not null, "locale" text not null default 'en', "roles" text[] not null, "status" text not null default 'active', "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(
      `create table "session" ("id" uuid not null, "user_id" uuid not null, "token_hash" text not null, "kind" text not null default 'session', "name" text null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "last_used_at" timestamptz not null, "ip" text null, "user_agent" text null, constraint "session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_expires_at_index" on "session" ("expires_at");`);

    this.addSql(
      `create table "organisation" ("id" uuid not null, "name" text not null, "kind" text not null, "country" text null, "website" text null, "status" text not null default 'pending', "rejection_reason" text null, "created_by_id" uuid null, "decided_by_id" uuid null, "verified_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "organisation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "organisation_status_index" on "organisation" ("status");`);
    this.addSql(
      `create unique index "organisation_name_country_unique" on "organisation" (lower("name"), coalesce("country", ''));`,
    );

    this.addSql(
      `create table "membership" ("id" uuid not null, "user_id" uuid not null, "organisation_id" uuid not null, "role" text not null default 'member', "status" text not null default 'pending', "message" text null, "decided_by_id" uuid null, "decided_at" timestamptz null, "created_at" timestamptz not null, "version" int not null default 1, constraint "membership_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "membership_organisation_id_index" on "membership" ("organisation_id");`);
    this.addSql(
      `alter table "membership" add constraint "membership_user_id_organisation_id_unique" unique ("user_id", "organisation_id");`,
    );

    this.addSql(
      `alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "organisation" add constraint "organisation_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "organisation" add constraint "organisation_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "membership" add constraint "membership_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "membership" add constraint "membership_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    // Reviewed additions: the database refuses values outside the contracts' enums.
    this.addSql(
      `alter table "app_user" add constraint "app_user_status_check" check ("status" in ('active', 'disabled'));`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_roles_check" check ("roles" <@ array['partner', 'reviewer', 'editor', 'admin']);`,
    );
    this.addSql(`create index "app_user_roles_index" on "app_user" using gin ("roles");`);
    this.addSql(
      `alter table "session" add constraint "session_kind_check" check ("kind" in ('session', 'api'));`,
    );
    this.addSql(
      `alter table "organisation" add constraint "organisation_status_check" check ("status" in ('pending', 'verified', 'rejected'));`,
    );
    this.addSql(
      `alter table "organisation" add constraint "organisation_kind_check" check ("kind" in ('government', 'un_entity', 'international_organisation', 'civil_society', 'migrant_workers_association', 'trade_union', 'employer', 'research'));`,
    );
    this.addSql(
      `alter table "organisation" add constraint "organisation_country_check" check ("country" ~ '^[A-Z]{2}$');`,
    );
    this.addSql(
      `alter table "membership" add constraint "membership_role_check" check ("role" in ('member', 'focal_point'));`,
    );
    this.addSql(
      `alter table "membership" add constraint "membership_status_check" check ("status" in ('pending', 'active', 'declined'));`,
    );
  }
}

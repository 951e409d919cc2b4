import { Migration } from '@mikro-orm/migrations';

export class Migration20261128181617 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notification" ("id" uuid not null, "recipient_id" uuid not null, "kind" text not null, "source_id" uuid not null, "title" text not null, "body" text not null, "link" text null, "read_at" timestamptz null, "created_at" timestamptz not null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notification_recipient_id_created_at_index" on "notification" ("recipient_id", "created_at");`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_recipient_id_kind_source_id_unique" unique ("recipient_id", "kind", "source_id");`,
    );

    this.addSql(
      `alter table "notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification" cascade;`);
  }
}

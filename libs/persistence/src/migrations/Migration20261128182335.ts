import { Migration } from '@mikro-orm/migrations';

export class Migration20261128182335 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "attachment" ("id" uuid not null, "practice_id" uuid not null, "filename" varchar(200) not null, "media_type" text not null, "size_bytes" bigint not null, "sha256" char(64) not null, "uploaded_by_id" uuid null, "created_at" timestamptz not null, constraint "attachment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "attachment_sha256_index" on "attachment" ("sha256");`);
    this.addSql(
      `create index "attachment_practice_id_created_at_index" on "attachment" ("practice_id", "created_at");`,
    );

    this.addSql(
      `alter table "attachment" add constraint "attachment_practice_id_foreign" foreign key ("practice_id") references "practice" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "attachment" add constraint "attachment_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "attachment" cascade;`);
  }
}

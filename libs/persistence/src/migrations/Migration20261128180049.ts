import { Migration } from '@mikro-orm/migrations';

export class Migration20261128180049 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "outbox_message" ("id" uuid not null, "queue" text not null, "job_name" text not null, "payload" jsonb not null, "delay_ms" int null, "created_at" timestamptz not null, "relayed_at" timestamptz null, "attempts" int not null default 0, "last_error" text null, constraint "outbox_message_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "outbox_message_pending_index" on "outbox_message" ("created_at") where "relayed_at" is null;`,
    );

    this.addSql(
      `create table "workflow_event" ("id" uuid not null, "workflow" text not null, "entity_type" text not null, "entity_id" uuid not null, "sequence" int not null, "transition" text not null, "from_state" text not null, "to_state" text not null, "actor_id" uuid null, "payload" jsonb null, "created_at" timestamptz not null, "prev_hash" text null, "hash" text not null, constraint "workflow_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "workflow_event_entity_type_entity_id_index" on "workflow_event" ("entity_type", "entity_id");`,
    );
    this.addSql(
      `alter table "workflow_event" add constraint "workflow_event_entity_type_entity_id_sequence_unique" unique ("entity_type", "entity_id", "sequence");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop table if exists "workflow_event" cascade;`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Revising a published practice (issue 4, ADR 0006): a practice points at the version the library
 * shows while a revision goes through review, and each version records when it was published.
 * Both are filled from the workflow log for practices published before.
 */
export class Migration20261202120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "practice" add column "published_version_id" uuid null;`);
    this.addSql(
      `alter table "practice" add constraint "practice_published_version_id_foreign" foreign key ("published_version_id") references "practice_version" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`alter table "practice_version" add column "published_at" timestamptz null;`);
    this.addSql(`
      update practice_version v set published_at = first.at
      from (
        select entity_id, (payload->>'versionNumber')::int as number, min(created_at) as at
        from workflow_event
        where entity_type = 'Practice' and transition = 'publish' and payload->>'versionNumber' ~ '^[0-9]+$'
        group by 1, 2
      ) first
      where v.practice_id = first.entity_id and v.number = first.number;`);
    this.addSql(`
      update practice p set published_version_id = v.id
      from (
        select distinct on (practice_id) practice_id, id from practice_version
        where published_at is not null order by practice_id, published_at desc
      ) v
      where p.id = v.practice_id;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "practice" drop constraint "practice_published_version_id_foreign";`);
    this.addSql(`alter table "practice" drop column "published_version_id";`);
    this.addSql(`alter table "practice_version" drop column "published_at";`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * A pilot remembers when the editors closed it, as it does when it completed: the public reporting
 * light of an ended pilot stays as it was at its end (issue 5).
 */
export class Migration20261203090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "pilot" add column "closed_at" timestamptz null;`);
    // Pilots closed already take the moment from their log.
    this.addSql(
      `update "pilot" p set "closed_at" = e."created_at"
       from (select "entity_id", max("created_at") as "created_at" from "workflow_event"
             where "entity_type" = 'Pilot' and "transition" = 'close' group by "entity_id") e
       where p."status" = 'closed' and e."entity_id" = p."id";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pilot" drop column "closed_at";`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * The planner costs `@@` (ts_match_vq) like a cheap operator, so on a large library it preferred a
 * sequential scan testing every row's vector to the GIN index (docs/performance.md). A realistic
 * cost makes it take the index. Changing a catalog function needs its owner (a superuser); a
 * migration role without that right keeps the default and says so, rather than failing.
 */
export class Migration20261202130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$ begin
      alter function pg_catalog.ts_match_vq(tsvector, tsquery) cost 100;
    exception when insufficient_privilege then
      raise notice 'ts_match_vq keeps its default cost: the migration role does not own it';
    end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`do $$ begin
      alter function pg_catalog.ts_match_vq(tsvector, tsquery) cost 1;
    exception when insufficient_privilege then null;
    end $$;`);
  }
}

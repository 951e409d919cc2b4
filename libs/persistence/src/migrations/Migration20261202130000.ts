import { Migration } from '@mikro-orm/migrations';

/**
 * The planner costs `@@` (ts_match_vq) like a cheap operator, so on a large library it preferred a
 * sequential scan testing every row's vector to the GIN index (docs/performance.md). A realistic
 * cost makes it take the index. Changing a catalog function needs its owner (a superuser); a
 * migration role without that right keeps the default and says so, rather than failing.
 *
 * `facet_keys` holds every facet value of a practice as `facet:value`, so a search counts all its
 * facets with one unnest and one aggregate over the match set instead of one pass per facet.
 */
export class Migration20261202130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$ begin
      alter function pg_catalog.ts_match_vq(tsvector, tsquery) cost 100;
    exception when insufficient_privilege then
      raise notice 'ts_match_vq keeps its default cost: the migration role does not own it';
    end $$;`);
    const keys = (facet: string, column: string) => `array(select '${facet}:' || x from unnest(${column}) x)`;
    this.addSql(`create or replace function public.library_facet_keys(themes text[], stages text[],
        country_codes text[], regions text[], roles text[], target_groups text[], frameworks text[],
        organisation_kind text, year int)
      returns text[] language sql immutable parallel safe as $$
        select ${keys('theme', 'themes')} || ${keys('stage', 'stages')} || ${keys('country', 'country_codes')}
          || ${keys('region', 'regions')} || ${keys('role', 'roles')} || ${keys('targetGroup', 'target_groups')}
          || ${keys('framework', 'frameworks')} || array['organisationKind:' || organisation_kind]
          || case when year is null then '{}'::text[] else array['year:' || year] end
      $$;`);
    this.addSql(`alter table "library_practice" add column "facet_keys" text[] generated always as
      (public.library_facet_keys(themes, stages, country_codes, regions, roles, target_groups, frameworks,
        organisation_kind, year)) stored;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "library_practice" drop column "facet_keys";`);
    this.addSql(
      `drop function if exists public.library_facet_keys(text[], text[], text[], text[], text[], text[], text[], text, int);`,
    );
    this.addSql(`do $$ begin
      alter function pg_catalog.ts_match_vq(tsvector, tsquery) cost 1;
    exception when insufficient_privilege then null;
    end $$;`);
  }
}

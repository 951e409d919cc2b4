import { Migration } from '@mikro-orm/migrations';

const configurations = [
  ['library_en', 'english'],
  ['library_es', 'spanish'],
  ['library_fr', 'french'],
] as const;

/**
 * The public library's read model (DESIGN §7, issue 4): one row per published or retracted practice,
 * kept by the publishing job, so searches never touch the workflow tables. Text search
 * configurations per content language strip accents before stemming; pg_trgm serves misspellings.
 * The tables are maintained in SQL, not through entities (see `schemaGenerator.skipTables`).
 */
export class Migration20261128204000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create extension if not exists pg_trgm;`);
    // unaccent() is only STABLE (its dictionary could change); indexes need an IMMUTABLE wrapper.
    this.addSql(
      `create or replace function public.immutable_unaccent(text) returns text language sql immutable parallel safe strict as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;`,
    );
    for (const [name, language] of configurations) {
      this.addSql(`create text search configuration public.${name} (copy = pg_catalog.${language});`);
      this.addSql(
        `alter text search configuration public.${name} alter mapping for hword, hword_part, word with public.unaccent, pg_catalog.${language}_stem;`,
      );
    }

    this.addSql(
      `create table "library_practice" (
        "id" uuid not null references "practice" ("id") on delete cascade,
        "slug" text not null,
        "version_number" int not null,
        "title" text not null,
        "summary" text not null,
        "organisation_name" text not null,
        "organisation_kind" text not null,
        "organisation_country" text null,
        "language" text not null,
        "themes" text[] not null default '{}',
        "stages" text[] not null default '{}',
        "target_groups" text[] not null default '{}',
        "frameworks" text[] not null default '{}',
        "countries" jsonb not null default '[]',
        "country_codes" text[] not null default '{}',
        "roles" text[] not null default '{}',
        "regions" text[] not null default '{}',
        "year" int null,
        "published_at" timestamptz not null,
        "retracted" boolean not null default false,
        "content" jsonb not null,
        "search" tsvector not null,
        "rank_vector" tsvector not null,
        "refreshed_at" timestamptz not null default now(),
        constraint "library_practice_pkey" primary key ("id"),
        constraint library_practice_language_check check (language in ('en', 'es', 'fr'))
      );`,
    );
    this.addSql(`create index "library_practice_search_index" on "library_practice" using gin ("search");`);
    for (const column of [
      'themes',
      'stages',
      'target_groups',
      'frameworks',
      'country_codes',
      'roles',
      'regions',
    ]) {
      this.addSql(
        `create index "library_practice_${column}_index" on "library_practice" using gin ("${column}");`,
      );
    }
    this.addSql(
      `create index "library_practice_title_trgm_index" on "library_practice" using gin (public.immutable_unaccent(lower("title")) gin_trgm_ops);`,
    );
    this.addSql(`create index "library_practice_published_at_index" on "library_practice" ("published_at");`);
    this.addSql(`create index "library_practice_year_index" on "library_practice" ("year");`);

    // Distinct words of published titles and summaries, for "did you mean".
    this.addSql(
      `create table "library_word" ("word" text not null, constraint "library_word_pkey" primary key ("word"));`,
    );
    this.addSql(`create index "library_word_trgm_index" on "library_word" using gin ("word" gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "library_word";`);
    this.addSql(`drop table if exists "library_practice";`);
    for (const [name] of configurations)
      this.addSql(`drop text search configuration if exists public.${name};`);
    this.addSql(`drop function if exists public.immutable_unaccent(text);`);
  }
}

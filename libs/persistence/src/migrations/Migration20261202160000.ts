import { Migration } from '@mikro-orm/migrations';

const languages = ['en', 'es', 'fr'] as const;

/** Columns of `library_match`, all copied from `library_practice` (`sort_title` derived). */
const copied = `id, language, published_at, lower(title), facet_keys, search`;

/**
 * `library_match`: what a search reads to find its matches, beside the wide read model. A broad word
 * matches most of the library, and reading each match's wide row (every published field inline,
 * 1.7 KB on average) made a search's cost grow with the size of the heap, 175 MB at 100,000
 * practices. This table keeps only what matching, counting and ordering need; its vectors live out
 * of line (they are only read through their indexes), facet keys and the sort title stay inline.
 * At 100,000 practices its heap fits in shared buffers (docs/performance.md).
 *
 * A trigger keeps it in step with `library_practice`, so every writer of the read model (publishing,
 * the rebuild, the bench loader) keeps both without knowing about it. Filters match on `facet_keys`
 * (one GIN index), so the per-column GIN indexes of the wide table are dropped, except `themes`,
 * which OAI-PMH sets use; the wide table's search indexes go too, as exports match here.
 */
export class Migration20261202160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "library_match" (
      "id" uuid primary key references "library_practice" ("id") on delete cascade,
      "language" text not null,
      "published_at" timestamptz not null,
      "sort_title" text not null,
      "facet_keys" text[] not null,
      "search" tsvector not null
    ) with (toast_tuple_target = 128);`);
    this.addSql(`alter table "library_match"
      alter column "facet_keys" set storage plain,
      alter column "sort_title" set storage plain,
      alter column "search" set storage external;`);
    this.addSql(`create function public.library_match_sync() returns trigger language plpgsql as $$
      begin
        insert into library_match (id, language, published_at, sort_title, facet_keys, search)
        values (new.id, new.language, new.published_at, lower(new.title), new.facet_keys, new.search)
        on conflict (id) do update set language = excluded.language, published_at = excluded.published_at,
          sort_title = excluded.sort_title, facet_keys = excluded.facet_keys, search = excluded.search
        where (library_match.language, library_match.published_at, library_match.sort_title,
            library_match.facet_keys, library_match.search)
          is distinct from (excluded.language, excluded.published_at, excluded.sort_title,
            excluded.facet_keys, excluded.search);
        return null;
      end $$;`);
    this.addSql(`create trigger "library_match_sync" after insert or update on "library_practice"
      for each row execute function public.library_match_sync();`);
    this.addSql(`insert into "library_match" (id, language, published_at, sort_title, facet_keys, search)
      select ${copied} from "library_practice";`);
    for (const language of languages) {
      this.addSql(
        `create index "library_match_search_${language}_index" on "library_match" using gin ("search") where "language" = '${language}';`,
      );
      this.addSql(`drop index "library_practice_search_${language}_index";`);
    }
    this.addSql(`create index "library_match_facet_keys_index" on "library_match" using gin ("facet_keys");`);
    this.addSql(
      `create index "library_match_published_at_index" on "library_match" ("published_at" desc, "id" desc);`,
    );
    this.addSql(`create index "library_match_sort_title_index" on "library_match" ("sort_title", "id");`);
    for (const column of ['stages', 'target_groups', 'frameworks', 'country_codes', 'roles', 'regions'])
      this.addSql(`drop index "library_practice_${column}_index";`);
  }

  override async down(): Promise<void> {
    for (const column of ['stages', 'target_groups', 'frameworks', 'country_codes', 'roles', 'regions'])
      this.addSql(
        `create index "library_practice_${column}_index" on "library_practice" using gin ("${column}");`,
      );
    for (const language of languages)
      this.addSql(
        `create index "library_practice_search_${language}_index" on "library_practice" using gin ("search") where "language" = '${language}';`,
      );
    this.addSql(`drop trigger "library_match_sync" on "library_practice";`);
    this.addSql(`drop function public.library_match_sync();`);
    this.addSql(`drop table "library_match";`);
  }
}

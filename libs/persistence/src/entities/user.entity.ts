import { randomUUID } from 'node:crypto';
import { ArrayType, Check, Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { Locale, PlatformRole } from '@pathways/contracts';

export type UserStatus = 'active' | 'disabled';

// "user" is reserved in PostgreSQL.
@Entity({ tableName: 'app_user' })
@Check({ name: 'app_user_status_check', expression: "status in ('active', 'disabled')" })
@Check({
  name: 'app_user_roles_check',
  expression: "roles <@ array['partner', 'reviewer', 'editor', 'admin']",
})
@Index({
  name: 'app_user_roles_index',
  expression: 'create index "app_user_roles_index" on "app_user" using gin ("roles")',
})
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** Stored lower-cased (the contracts normalise it), so the unique index is case-insensitive. */
  @Property({ type: 'text', unique: true })
  email!: string;

  @Property({ type: 'text' })
  name!: string;

  /** argon2id; never serialised. */
  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Property({ type: 'text' })
  locale: Locale & Opt = 'en';

  @Property({ type: ArrayType, columnType: 'text[]' })
  roles: PlatformRole[] & Opt = ['partner'];

  @Property({ type: 'text' })
  status: UserStatus & Opt = 'active';

  /** Reviewer expertise (taxonomy theme codes), used to rank reviewer suggestions. */
  @Property({ type: ArrayType, columnType: 'text[]' })
  expertiseThemes: string[] & Opt = [];

  /** ISO 639-1 codes of the languages a reviewer reads. */
  @Property({ type: ArrayType, columnType: 'text[]' })
  reviewLanguages: string[] & Opt = [];

  /** ISO 3166-1 alpha-2 codes of the countries a reviewer knows. */
  @Property({ type: ArrayType, columnType: 'text[]' })
  expertiseCountries: string[] & Opt = [];

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ version: true, type: 'integer' })
  version!: number & Opt;
}

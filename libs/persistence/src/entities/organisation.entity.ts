import { randomUUID } from 'node:crypto';
import { Check, Entity, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { OrganisationKind, OrganisationStatus } from '@pathways/contracts';
import { User } from './user.entity';

// One organisation per name and country, whatever the letter case.
@Entity()
@Unique({
  name: 'organisation_name_country_unique',
  expression:
    'create unique index "organisation_name_country_unique" on "organisation" (lower("name"), coalesce("country", \'\'))',
})
@Check({ name: 'organisation_status_check', expression: "status in ('pending', 'verified', 'rejected')" })
@Check({
  name: 'organisation_kind_check',
  expression:
    "kind in ('government', 'un_entity', 'international_organisation', 'civil_society', 'migrant_workers_association', 'trade_union', 'employer', 'research')",
})
@Check({ name: 'organisation_country_check', expression: "country ~ '^[A-Z]{2}$'" })
export class Organisation {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  kind!: OrganisationKind;

  /** ISO 3166-1 alpha-2; null for international bodies. */
  @Property({ type: 'text', nullable: true })
  country: string | null = null;

  @Property({ type: 'text', nullable: true })
  website: string | null = null;

  @Property({ type: 'text', index: true })
  status: OrganisationStatus & Opt = 'pending';

  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy: User | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  decidedBy: User | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ version: true, type: 'integer' })
  version!: number & Opt;
}

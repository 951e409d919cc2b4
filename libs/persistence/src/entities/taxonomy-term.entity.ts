import { randomUUID } from 'node:crypto';
import { Entity, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { LocalisedText, Vocabulary } from '@pathways/contracts';

@Entity()
@Unique({ properties: ['vocabulary', 'code'] })
export class TaxonomyTerm {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'text' })
  vocabulary!: Vocabulary;

  /** Stable code that records refer to; labels may be edited. */
  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'json' })
  label!: LocalisedText;

  @Property({ type: 'integer' })
  position: number & Opt = 0;

  @Property({ type: 'boolean' })
  active: boolean & Opt = true;
}

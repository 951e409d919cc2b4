import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { PilotContent, PilotStatus } from '@pathways/contracts';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

/** A voluntary partnership's pilot project: its lead organisation, its proposal, and where it is in the workflow. */
@Entity()
@Check({
  name: 'pilot_status_check',
  expression: "status in ('draft', 'proposed', 'forming', 'active', 'completed', 'closed', 'withdrawn')",
})
export class Pilot {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'text', unique: true })
  slug!: string;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  @Index()
  leadOrganisation!: Organisation;

  @Property({ type: 'text', index: true })
  status: PilotStatus & Opt = 'draft';

  /** The proposal as the lead edits it (validated by `PilotContent`). */
  @Property({ type: 'jsonb' })
  content: PilotContent & Opt = {};

  /** Set when the pilot first becomes active: from then on it is public, whatever follows. */
  @Property({ type: 'timestamptz', nullable: true })
  activatedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  completedAt: Date | null = null;

  /** Set when the editors close it; with `completedAt`, where its reporting light stops ageing. */
  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  closedReason: string | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy: User | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ version: true, type: 'integer' })
  version!: number & Opt;
}

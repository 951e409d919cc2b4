import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { PilotPartnerRole, PilotPartnerStatus } from '@pathways/contracts';
import { Organisation } from './organisation.entity';
import { Pilot } from './pilot.entity';
import { User } from './user.entity';

/**
 * An organisation's place in a pilot: the lead (accepted from the start) or an invitation and its
 * answer. One row per pilot and organisation, so an organisation is never invited twice at once.
 */
@Entity()
@Unique({ properties: ['pilot', 'organisation'] })
@Check({
  name: 'pilot_partner_role_check',
  expression: "role in ('lead', 'implementing', 'funding', 'technical', 'advisory')",
})
@Check({
  name: 'pilot_partner_status_check',
  expression: "status in ('invited', 'accepted', 'declined', 'expired', 'withdrawn')",
})
export class PilotPartner {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Pilot, { deleteRule: 'cascade' })
  pilot!: Pilot;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  @Index()
  organisation!: Organisation;

  @Property({ type: 'text' })
  role!: PilotPartnerRole;

  @Property({ type: 'text' })
  status: PilotPartnerStatus & Opt = 'invited';

  @Property({ type: 'text', nullable: true })
  message: string | null = null;

  /** Countries the organisation works in for this pilot (ISO alpha-2), besides its own. */
  @Property({ type: 'text[]' })
  countries: string[] & Opt = [];

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  invitedBy: User | null = null;

  @Property({ type: 'timestamptz' })
  invitedAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  respondedBy: User | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ version: true, type: 'integer' })
  version!: number & Opt;
}

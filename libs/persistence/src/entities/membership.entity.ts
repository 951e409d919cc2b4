import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { MembershipRole, MembershipStatus } from '@pathways/contracts';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

@Entity()
@Unique({ properties: ['user', 'organisation'] })
@Check({ name: 'membership_role_check', expression: "role in ('member', 'focal_point')" })
@Check({ name: 'membership_status_check', expression: "status in ('pending', 'active', 'declined')" })
export class Membership {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  @Index()
  organisation!: Organisation;

  @Property({ type: 'text' })
  role: MembershipRole & Opt = 'member';

  @Property({ type: 'text' })
  status: MembershipStatus & Opt = 'pending';

  /** What the requester wrote to the focal point. */
  @Property({ type: 'text', nullable: true })
  message: string | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  decidedBy: User | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ version: true, type: 'integer' })
  version!: number & Opt;
}

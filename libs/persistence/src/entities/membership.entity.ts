import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { MembershipRole, MembershipStatus } from '@pathways/contracts';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

@Entity()
@Unique({ properties: ['user', 'organisation'] })
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

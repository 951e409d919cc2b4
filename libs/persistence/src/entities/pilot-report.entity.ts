import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { PilotReportIndicator } from '@pathways/contracts';
import { Organisation } from './organisation.entity';
import { Pilot } from './pilot.entity';
import { User } from './user.entity';

/**
 * A periodic progress report. Each partner organisation reports on its own part; the lead's
 * compiled report (`compiled`) speaks for the whole pilot and sets its public reporting status.
 */
@Entity()
@Index({ properties: ['pilot', 'submittedAt'] })
export class PilotReport {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Pilot, { deleteRule: 'cascade' })
  pilot!: Pilot;

  @ManyToOne(() => Organisation, { deleteRule: 'restrict' })
  organisation!: Organisation;

  @Property({ type: 'date' })
  periodStart!: string;

  @Property({ type: 'date' })
  periodEnd!: string;

  @Property({ type: 'text' })
  narrative: string & Opt = '';

  /** Values for women and men against the pilot's target indicators, by indicator name. */
  @Property({ type: 'jsonb' })
  indicators: PilotReportIndicator[] & Opt = [];

  @Property({ type: 'boolean' })
  compiled: boolean & Opt = false;

  /** Null while the partner drafts it. */
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  submittedBy: User | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ version: true, type: 'integer' })
  version!: number & Opt;
}

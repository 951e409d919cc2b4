import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { PilotMilestoneStatus } from '@pathways/contracts';
import { Pilot } from './pilot.entity';

/** A milestone the lead keeps for an active pilot: due date, status and progress. */
@Entity()
@Check({
  name: 'pilot_milestone_status_check',
  expression: "status in ('planned', 'in_progress', 'done', 'delayed', 'cancelled')",
})
@Check({ name: 'pilot_milestone_progress_check', expression: 'progress between 0 and 100' })
export class PilotMilestone {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Pilot, { deleteRule: 'cascade' })
  @Index()
  pilot!: Pilot;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'date' })
  dueDate!: string;

  @Property({ type: 'text' })
  status: PilotMilestoneStatus & Opt = 'planned';

  @Property({ type: 'integer' })
  progress: number & Opt = 0;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ version: true, type: 'integer' })
  version!: number & Opt;
}

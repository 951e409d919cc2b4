import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { User } from './user.entity';

/**
 * An in-app notification. `sourceId` (the workflow event that caused it) with the recipient and kind
 * is unique, so a job that runs twice notifies once.
 */
@Entity()
@Unique({ properties: ['recipient', 'kind', 'sourceId'] })
@Index({ properties: ['recipient', 'createdAt'] })
export class Notification {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  recipient!: User;

  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'uuid' })
  sourceId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  /** Path in the web app, e.g. /practices/<id>. */
  @Property({ type: 'text', nullable: true })
  link: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  readAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

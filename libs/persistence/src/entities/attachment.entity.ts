import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Practice } from './practice.entity';
import { User } from './user.entity';

/**
 * A file attached to a practice. The bytes live on disk under the attachments directory, named by
 * their sha256, so identical uploads share one file; this row holds what the uploader called it.
 */
@Entity()
@Index({ properties: ['practice', 'createdAt'] })
export class Attachment {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => Practice, { deleteRule: 'cascade' })
  practice!: Practice;

  @Property({ type: 'varchar', length: 200 })
  filename!: string;

  /** Detected from the content, never taken from the name or the client's Content-Type. */
  @Property({ type: 'text' })
  mediaType!: string;

  @Property({ type: 'bigint', runtimeType: 'number' })
  sizeBytes!: number;

  @Index()
  @Property({ type: 'char', length: 64 })
  sha256!: string;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  uploadedBy: User | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

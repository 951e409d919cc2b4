import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from './user.entity';

/** "session" for browser log-ins; "api" is reserved for long-lived tokens that scripts will use. */
export type SessionKind = 'session' | 'api';

@Entity()
@Check({ name: 'session_kind_check', expression: "kind in ('session', 'api')" })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  @Index()
  user!: User;

  /** SHA-256 of the bearer token; the token itself is never stored. */
  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'text' })
  kind: SessionKind & Opt = 'session';

  /** A label for API tokens ("nightly export"); empty for browser sessions. */
  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  @Index()
  expiresAt!: Date;

  @Property({ type: 'timestamptz' })
  lastUsedAt: Date & Opt = new Date();

  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;
}

import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';

import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '../domain/security-event-kinds.js';

/**
 * One line of the security audit log: who, for which dealer, from where, what, when. Written in the
 * same transaction as the change it records where there is one; never holds a password, code,
 * token or secret.
 */
@Entity({ tableName: 'security_event' })
@Index({ properties: ['dealerId', 'at'] })
@Index({ properties: ['at'] })
export class SecurityEvent {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Enum({ items: () => SECURITY_EVENT_KINDS })
  kind!: SecurityEventKind;

  /** The user the event is about (the one signing in, whose session or role changed); null when unknown. */
  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  /** The email the event is about, for known accounts only (an unknown "email" may be a mistyped password). */
  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  /** Who acted, when not the user themself (an administrator); null for the user or the system. */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  /** The dealer whose administrators may read the event; null for staff and unknown accounts. */
  @Property({ type: 'uuid', nullable: true })
  dealerId: string | null = null;

  @Property({ type: 'text', nullable: true })
  ipAddress: string | null = null;

  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;

  /** What else is worth knowing (a reason, the changed settings); never a secret. */
  @Property({ type: 'jsonb', default: '{}' })
  detail: Record<string, unknown> = {};

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();
}

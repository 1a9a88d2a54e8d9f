import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';

import { User } from './user.entity.js';

/**
 * A signed-in session. Its refresh token rotates on every use: only the hash of the current one is
 * kept, and presenting an older one revokes the session (a stolen token was replayed), except the one
 * just replaced, once, within a short grace (a lost answer; see domain/session-refresh.ts).
 */
@Entity({ tableName: 'session' })
export class Session {
  [OptionalProps]?:
    | 'createdAt'
    | 'revokedAt'
    | 'lastUsedAt'
    | 'generation'
    | 'previousTokenHashes'
    | 'rotatedAt'
    | 'graceUsed'
    | 'ipAddress'
    | 'userAgent'
    | 'mfaEnrolmentOnly';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => User, { ref: true, index: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  /** sha256 of the current refresh token secret. */
  @Property({ type: 'text', hidden: true })
  refreshTokenHash!: string;

  /** sha256 of the refresh tokens this session issued before, newest first (bounded). */
  @Property({ type: 'text[]', hidden: true, default: '{}' })
  previousTokenHashes: string[] = [];

  /** When the current refresh token replaced the previous one (the start of that one's grace). */
  @Property({ type: 'timestamptz', nullable: true })
  rotatedAt: Date | null = null;

  /** Whether the previous refresh token has had its one refresh within the grace already. */
  @Property({ type: 'boolean', default: false })
  graceUsed: boolean = false;

  @Property({ type: 'integer', default: 0 })
  generation: number = 0;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  ipAddress: string | null = null;

  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;

  /** A restricted session of a user who must enrol in MFA: it may only enrol, and lives briefly. */
  @Property({ type: 'boolean', default: false })
  mfaEnrolmentOnly: boolean = false;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

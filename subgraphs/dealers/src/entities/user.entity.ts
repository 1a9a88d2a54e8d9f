import { DEALER_ROLES, type Role, STAFF_ROLES } from '@dealergraph/runtime';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';

import { Dealer } from './dealer.entity.js';

export const ROLES = [...DEALER_ROLES, ...STAFF_ROLES] as const;

/** A person who signs in: a dealer's staff member (with a dealer) or the distributor's (without). */
@Entity({ tableName: 'user_account' })
export class User {
  [OptionalProps]?:
    'createdAt' | 'active' | 'lastLoginAt' | 'mfaSecret' | 'mfaLastStep' | 'mfaPendingSecret' | 'mfaRecoveryCodeHashes' | 'region';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Stored lower-cased, so sign-in ignores case. */
  @Property({ type: 'text', unique: true })
  email!: string;

  @Property({ type: 'text' })
  fullName!: string;

  /** argon2id hash; the password itself is never stored or logged. */
  @Property({ type: 'text', hidden: true, lazy: false })
  passwordHash!: string;

  @Enum({ items: () => ROLES })
  role!: Role;

  @ManyToOne(() => Dealer, { nullable: true, ref: true, index: true })
  dealer!: Ref<Dealer> | null;

  /** For a SALES_REP or REGIONAL_MANAGER: the sales region they look after (their approval scope); null otherwise. */
  @Property({ type: 'text', nullable: true })
  region: string | null = null;

  /** TOTP secret once the user enrols in MFA (a later capability); null until then. */
  @Property({ type: 'text', nullable: true, hidden: true })
  mfaSecret: string | null = null;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null = null;

  /** A secret being enrolled: it becomes `mfaSecret` once a code from it is confirmed. */
  @Property({ type: 'text', nullable: true, hidden: true })
  mfaPendingSecret: string | null = null;

  /** sha256 of the unused recovery codes; each works once instead of a one-time code. */
  @Property({ type: 'text[]', hidden: true, default: '{}' })
  mfaRecoveryCodeHashes: string[] = [];

  /** The TOTP time step of the last accepted code: that code and older ones are refused. */
  @Property({ type: 'integer', nullable: true, hidden: true })
  mfaLastStep: number | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

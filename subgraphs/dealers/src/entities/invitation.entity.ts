import type { Role } from '@dealergraph/runtime';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';

import { Dealer } from './dealer.entity.js';
import { ROLES } from './user.entity.js';

/**
 * An invitation to create an account: for a dealer (dealer roles) or for the distributor's staff.
 * Only the sha256 of its token is kept; the token works once, before `expiresAt`.
 */
@Entity({ tableName: 'invitation' })
export class Invitation {
  [OptionalProps]?: 'createdAt' | 'acceptedAt' | 'acceptedUserId' | 'cancelledAt' | 'cancelledBy';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** sha256 (hex) of the token handed to the invitee. */
  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  /** Stored lower-cased, like users' emails. */
  @Property({ type: 'text' })
  email!: string;

  @Enum({ items: () => ROLES })
  role!: Role;

  @ManyToOne(() => Dealer, { nullable: true, ref: true, index: true })
  dealer!: Ref<Dealer> | null;

  /** The user who invited. */
  @Property({ type: 'uuid' })
  invitedBy!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  acceptedUserId: string | null = null;

  /** When an administrator withdrew it; its token is refused from then on. */
  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null = null;

  /** The administrator who withdrew it. */
  @Property({ type: 'uuid', nullable: true })
  cancelledBy: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

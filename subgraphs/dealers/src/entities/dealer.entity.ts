import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export const DEALER_TIERS = ['PLATINUM', 'GOLD', 'SILVER', 'BRONZE'] as const;
export type DealerTier = (typeof DEALER_TIERS)[number];
export const DEALER_KINDS = ['DISTRIBUTOR', 'WHOLESALER', 'RETAILER'] as const;
export type DealerKind = (typeof DEALER_KINDS)[number];

/** A dealer: the distributor's customer company, master data owned by this subgraph. */
@Entity({ tableName: 'dealer' })
export class Dealer {
  [OptionalProps]?:
    | 'createdAt'
    | 'active'
    | 'firstOrdersReviewed'
    | 'mfaRequired'
    | 'ipAllowList'
    | 'salesRepUserId'
    | 'dealerType'
    | 'contractType'
    | 'rolloutWaveId'
    | 'tierDowngradeTo'
    | 'tierDowngradeDueAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text', unique: true })
  code!: string;

  @Index()
  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => DEALER_TIERS })
  tier!: DealerTier;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'text' })
  city!: string;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  phone!: string;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /** False while a new dealer's first orders still need a person's review. */
  @Property({ type: 'boolean', default: false })
  firstOrdersReviewed: boolean = false;

  /** Every user of this dealer must sign in with two-factor (set by its DEALER_ADMIN or an ADMIN). */
  @Property({ type: 'boolean', default: false })
  mfaRequired: boolean = false;

  /** Normalized CIDR ranges its users may come from; empty: any address. */
  @Property({ type: 'text[]', default: '{}' })
  ipAllowList: string[] = [];

  /** The SALES_REP user who looks after this dealer and decides its level-1 approvals; null when none. */
  @Property({ type: 'uuid', nullable: true })
  salesRepUserId: string | null = null;

  /** DISTRIBUTOR, WHOLESALER or RETAILER; null for a dealer loaded before the type was kept. */
  @Enum({ items: () => DEALER_KINDS, nullable: true })
  dealerType: DealerKind | null = null;

  /** The dealer's contract type as the distributor's ERP names it (e.g. STANDARD, FRAME); null when none. */
  @Property({ type: 'text', nullable: true })
  contractType: string | null = null;

  /** The rollout wave that opens the portal to this dealer; null: open (existing and demo dealers). */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  rolloutWaveId: string | null = null;

  /** A downgrade the periodic review decided, waiting for its grace period: the tier it goes to. */
  @Property({ type: 'text', nullable: true })
  tierDowngradeTo: DealerTier | null = null;

  /** When that grace period ends (the next evaluation after it moves the dealer if it still qualifies lower). */
  @Property({ type: 'timestamptz', nullable: true })
  tierDowngradeDueAt: Date | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** The last master data change (upsertDealer or an import). */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}

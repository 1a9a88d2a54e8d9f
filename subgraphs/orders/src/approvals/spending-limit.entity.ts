import { BigIntType, Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An ORDER_ENTRY user's spending limits, set by their dealer's DEALER_ADMIN (or the portal's ADMIN):
 * an order above one waits for the dealer's own approval first (domain/spending-limit.ts). One row
 * per user; a user without a row has no limit.
 */
@Entity({ tableName: 'spending_limit' })
@Index({ properties: ['dealerId'] })
export class SpendingLimit {
  [OptionalProps]?: 'updatedAt';

  /** The user (owned by the dealers subgraph). */
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  /** The user's dealer when the limit was set. */
  @Property({ type: 'uuid' })
  dealerId!: string;

  /** Minor units; null: no per-order limit. */
  @Property({ type: new BigIntType('number'), nullable: true })
  perOrderLimit: number | null = null;

  /** Minor units per calendar month (UTC); null: no monthly limit. */
  @Property({ type: new BigIntType('number'), nullable: true })
  monthlyLimit: number | null = null;

  @Property({ type: 'uuid' })
  updatedByUserId!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}

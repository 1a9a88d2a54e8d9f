import { Entity, Enum, PrimaryKey } from '@mikro-orm/core';

import { PRICE_TIERS, type PriceTier } from './tiers.js';

/**
 * Which tier price list a dealer buys from: a projection of the dealers subgraph's `Dealer.tier`, the
 * one owner. Written only by the `setDealerSegment` internal operation that dealers calls on every
 * dealer change (and by the seed, from the same demo dealers); price queries join it, never a copy of
 * their own making. Prices never reads the dealers subgraph's tables.
 */
@Entity({ tableName: 'dealer_pricing' })
export class DealerPricing {
  @PrimaryKey({ type: 'uuid' })
  dealerId!: string;

  @Enum({ items: () => PRICE_TIERS })
  tier!: PriceTier;
}

import { Entity, Enum, PrimaryKey } from '@mikro-orm/core';

import { PRICE_TIERS, type PriceTier } from './tiers.js';

/**
 * Which tier price list a dealer buys from. The prices subgraph keeps this assignment itself and never
 * reads the dealers subgraph's tables.
 */
@Entity({ tableName: 'dealer_pricing' })
export class DealerPricing {
  @PrimaryKey({ type: 'uuid' })
  dealerId!: string;

  @Enum({ items: () => PRICE_TIERS })
  tier!: PriceTier;
}

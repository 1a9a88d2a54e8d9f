import { Entity, Enum, Property } from '@mikro-orm/core';

import { PRICE_TIERS, type PriceTier } from './tiers.js';

/** The discount a tier's price list takes off the list price. */
@Entity({ tableName: 'tier_rule' })
export class TierRule {
  @Enum({ items: () => PRICE_TIERS, primary: true })
  tier!: PriceTier;

  /** Basis points off list (2000 = 20 %). */
  @Property({ type: 'integer' })
  discountBp!: number;
}

import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** What one order took from special prices' granted quantities, for its release. */
export interface SpecialPriceUseRow {
  specialPriceId: string;
  quantity: number;
}

/**
 * One row per order that took (or will never take) units of granted special prices: the key of
 * `consumeSpecialPrices` / `releaseSpecialPrices` idempotency, like products' order_reservation. A
 * release before any use leaves a tombstone (no dealer), so a late consume for that order answers
 * RELEASED instead of taking units nobody will give back.
 */
@Entity({ tableName: 'special_price_use' })
export class SpecialPriceUse {
  [OptionalProps]?: 'dealerId' | 'lines' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  orderId!: string;

  /** Null on a tombstone (released before anything was taken). */
  @Property({ type: 'uuid', nullable: true })
  dealerId: string | null = null;

  /** CONSUMED or RELEASED. */
  @Property({ type: 'text' })
  status!: 'CONSUMED' | 'RELEASED';

  @Property({ type: 'jsonb', nullable: true })
  lines: SpecialPriceUseRow[] | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}

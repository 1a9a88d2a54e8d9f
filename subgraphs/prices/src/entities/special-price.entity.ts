import { BigIntType, Check, Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A unit price agreed with one dealer for one product. Active in [validFrom, validTo); no end when
 * validTo is null. A negotiated agreement has no quantity limit; one granted from an approved special
 * price request (orders owns the request) holds for `quantityLimit` units over all the dealer's
 * orders, counted in `quantityUsed` (never above the limit: a check constraint and a conditional
 * update in special-price-use.service.ts).
 */
@Entity({ tableName: 'special_price' })
@Index({ properties: ['dealerId', 'productId'] })
@Check({
  name: 'special_price_quantity_check',
  expression: 'quantity_used >= 0 and (quantity_limit is null or quantity_used <= quantity_limit)',
})
export class SpecialPrice {
  [OptionalProps]?: 'validTo' | 'quantityLimit' | 'quantityUsed' | 'requestId' | 'reference';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  dealerId!: string;

  @Property({ type: 'uuid' })
  productId!: string;

  /** Unit price in cents, in the currency of the product's list price. */
  @Property({ type: new BigIntType('number') })
  unitPrice!: number;

  @Property({ type: 'timestamptz' })
  validFrom!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  validTo: Date | null = null;

  /** Units granted; null: no limit (a negotiated agreement). */
  @Property({ type: 'integer', nullable: true })
  quantityLimit: number | null = null;

  /** Units taken by orders that have not ended without delivery. */
  @Property({ type: 'integer', default: 0 })
  quantityUsed: number = 0;

  /** The approved special price request that granted it (unique: one grant per request); null for an agreement. */
  @Property({ type: 'uuid', nullable: true, unique: true })
  requestId: string | null = null;

  /** The ERP's reference of a negotiated agreement (upsertSpecialPriceAgreement, SPECIAL_PRICES imports): its key; null otherwise. */
  @Property({ type: 'text', nullable: true, unique: true })
  reference: string | null = null;
}

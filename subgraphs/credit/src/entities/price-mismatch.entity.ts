import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An invoice line whose price is not the price of its order's line (or whose SKU the order does not
 * have): found when the invoice is recorded (domain/price-consistency.ts), open until someone in
 * finance resolves it with a note.
 */
@Entity({ tableName: 'price_mismatch' })
@Index({ properties: ['resolvedAt', 'detectedAt'] })
@Index({ properties: ['invoiceId'] })
export class PriceMismatchRecord {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  invoiceId!: string;

  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'uuid' })
  dealerId!: string;

  @Property({ type: 'text' })
  sku!: string;

  /** PRICE_DIFFERS or NOT_ON_ORDER. */
  @Property({ type: 'text' })
  kind!: string;

  /** Minor units; null when the SKU was not on the order. */
  @Property({ type: new BigIntType('number'), nullable: true })
  orderedUnitPrice: number | null = null;

  @Property({ type: new BigIntType('number') })
  invoicedUnitPrice!: number;

  @Property({ type: 'integer' })
  invoicedQuantity!: number;

  /** The invoice's currency (both prices are in it). */
  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: 'timestamptz' })
  detectedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null = null;

  /** Who resolved it (e-mail). */
  @Property({ type: 'text', nullable: true })
  resolvedBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  resolutionNote: string | null = null;
}

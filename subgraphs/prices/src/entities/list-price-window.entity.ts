import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A dated list price of a product: valid in [validFrom, validTo) (null: no end), in place of the
 * base price (product_price) while it is. The windows of one product do not overlap
 * (domain/list-price-validity.ts); the key is the product and the first instant.
 */
@Entity({ tableName: 'list_price_window' })
export class ListPriceWindow {
  @PrimaryKey({ type: 'uuid' })
  productId!: string;

  @PrimaryKey({ type: 'timestamptz' })
  validFrom!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  validTo: Date | null = null;

  /** List price in cents. */
  @Property({ type: new BigIntType('number') })
  listPrice!: number;

  /** ISO 4217 code. */
  @Property({ type: 'text' })
  currency!: string;
}

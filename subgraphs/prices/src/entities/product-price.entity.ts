import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The list price of a product (the product itself is owned by the products subgraph). */
@Entity({ tableName: 'product_price' })
export class ProductPrice {
  @PrimaryKey({ type: 'uuid' })
  productId!: string;

  /** List price in cents. */
  @Property({ type: new BigIntType('number') })
  listPrice!: number;

  /** ISO 4217 code. */
  @Property({ type: 'text' })
  currency!: string;
}

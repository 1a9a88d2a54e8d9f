import { BigIntType, Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One line of a dealer user's cart. The cart is the set of a user's lines; there is no cart row, so
 * adding to an empty cart needs no "create the cart first" race. One line per product: adding a
 * product again adds to its quantity (an upsert on the unique index below).
 */
@Entity({ tableName: 'cart_line' })
@Unique({ name: 'cart_line_user_id_product_id_unique', properties: ['userId', 'productId'] })
@Index({ name: 'cart_line_user_id_added_at_index', properties: ['userId', 'addedAt'] })
export class CartLine {
  [OptionalProps]?: 'addedAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The dealer user whose cart this is (owned by the dealers subgraph). */
  @Property({ type: 'uuid' })
  userId!: string;

  /** The dealer the user acted for when the line was added; prices are this dealer's. */
  @Property({ type: 'uuid' })
  dealerId!: string;

  /** The product (owned by the products subgraph). */
  @Property({ type: 'uuid' })
  productId!: string;

  /** The SKU as the catalog spells it, kept so the cart reads without a catalog call. */
  @Property({ type: 'text' })
  sku!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  /** Unit price in minor units when the line was added (or last re-priced by the dealer): the "was" price. */
  @Property({ type: new BigIntType('number') })
  addedUnitPrice!: number;

  /** Currency of addedUnitPrice. */
  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  addedAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

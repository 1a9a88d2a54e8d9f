import { Entity, ManyToOne, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';

import { Product } from './product.entity.js';

/**
 * A substitute the distributor names for a product (master data): offered before the ones found by
 * the catalog's own rule (same category, another brand), in this order.
 */
@Entity({ tableName: 'product_substitute' })
export class ProductSubstitute {
  [PrimaryKeyProp]?: ['product', 'substitute'];

  @ManyToOne(() => Product, { primary: true, ref: true, deleteRule: 'cascade' })
  product!: Ref<Product>;

  @ManyToOne(() => Product, { primary: true, ref: true, deleteRule: 'cascade', index: true })
  substitute!: Ref<Product>;

  /** Display order, 0 first. */
  @Property({ type: 'integer' })
  position!: number;
}

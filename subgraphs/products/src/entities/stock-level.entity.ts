import { Check, Entity, ManyToOne, OptionalProps, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';

import { Product } from './product.entity.js';
import { Warehouse } from './warehouse.entity.js';

/**
 * How many units of one product one warehouse holds. The primary key (product, warehouse) makes the
 * pair unique and serves the per-product lookups (its leading column is the product).
 */
@Entity({ tableName: 'stock_level' })
// Reservations never take `reserved` below zero (conditional updates); the check proves it.
@Check({ name: 'stock_level_reserved_check', expression: 'reserved >= 0' })
export class StockLevel {
  [PrimaryKeyProp]?: ['product', 'warehouse'];
  [OptionalProps]?: 'reserved' | 'lowThreshold';

  @ManyToOne(() => Product, { primary: true, ref: true, deleteRule: 'cascade' })
  product!: Ref<Product>;

  @ManyToOne(() => Warehouse, { primary: true, ref: true, deleteRule: 'restrict' })
  warehouse!: Ref<Warehouse>;

  /** Units physically in the building. */
  @Property({ type: 'integer' })
  onHand!: number;

  /** Units promised to placed orders and not yet shipped. */
  @Property({ type: 'integer', default: 0 })
  reserved: number = 0;

  /** At or below this many available units the warehouse reads LOW (yellow). */
  @Property({ type: 'integer', default: 0 })
  lowThreshold: number = 0;
}

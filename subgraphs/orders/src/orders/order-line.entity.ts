import { BigIntType, Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';

import { Order } from './order.entity.js';

/**
 * One line of an order. Sku, name and prices are copied at the time of ordering: the line keeps
 * what the dealer was shown even when the catalog or the prices change later.
 */
@Entity({ tableName: 'order_line' })
@Unique({ name: 'order_line_order_id_position_unique', properties: ['order', 'position'] })
export class OrderLine {
  [OptionalProps]?: 'specialPriceId';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Lines are looked up by order through the unique index above (order_id leads). */
  @ManyToOne(() => Order, { ref: true, deleteRule: 'cascade' })
  order!: Ref<Order>;

  /** 1-based place of the line within its order. */
  @Property({ type: 'integer' })
  position!: number;

  /** The product (owned by the products subgraph). */
  @Property({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'text' })
  sku!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  /** Price of one unit in minor units, exactly as the dealer was shown it. */
  @Property({ type: new BigIntType('number') })
  unitPrice!: number;

  /** quantity x unitPrice, in minor units. */
  @Property({ type: new BigIntType('number') })
  lineTotal!: number;

  /**
   * The special price (prices subgraph) the unit price came from, or null. The order takes the line's
   * units from it (consumeSpecialPrices) and gives them back when it ends undelivered.
   */
  @Property({ type: 'uuid', nullable: true })
  specialPriceId: string | null = null;
}

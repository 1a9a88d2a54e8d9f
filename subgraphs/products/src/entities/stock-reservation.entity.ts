import { Check, Entity, Enum, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';

import { RESERVATION_STATUSES, type ReservationStatus } from './order-reservation.entity.js';
import { Product } from './product.entity.js';
import { Warehouse } from './warehouse.entity.js';

/**
 * Units of one product one warehouse holds for one order. While RESERVED they are counted in that
 * stock_level row's `reserved` (so every available figure of the catalog already leaves them out);
 * RELEASED gave them back; SHIPPED took them off `onHand`. The key (order, product, warehouse) has
 * the order first: it serves the lookups by order.
 */
@Entity({ tableName: 'stock_reservation' })
@Check({ name: 'stock_reservation_quantity_check', expression: 'quantity > 0' })
export class StockReservation {
  [PrimaryKeyProp]?: ['orderId', 'product', 'warehouse'];

  @PrimaryKey({ type: 'uuid' })
  orderId!: string;

  @ManyToOne(() => Product, { primary: true, ref: true, deleteRule: 'restrict' })
  product!: Ref<Product>;

  @ManyToOne(() => Warehouse, { primary: true, ref: true, deleteRule: 'restrict' })
  warehouse!: Ref<Warehouse>;

  @Property({ type: 'integer' })
  quantity!: number;

  @Enum({ items: () => RESERVATION_STATUSES })
  status!: ReservationStatus;
}

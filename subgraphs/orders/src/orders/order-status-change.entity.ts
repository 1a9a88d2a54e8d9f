import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';

import { ORDER_STATUSES, type OrderStatus } from './domain/order-lifecycle.js';
import { Order } from './order.entity.js';

/**
 * One entry of an order's status history: the status it entered, when, by whom, and why. The
 * first entry is the status the order was placed in. `position` orders entries that share a
 * timestamp (an order placed and approved automatically in one transaction).
 */
@Entity({ tableName: 'order_status_change' })
@Unique({ name: 'order_status_change_order_id_position_unique', properties: ['order', 'position'] })
export class OrderStatusChange {
  [OptionalProps]?: 'byUserId' | 'comment';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Order, { ref: true, deleteRule: 'cascade' })
  order!: Ref<Order>;

  /** 1-based place of the entry within its order's history. */
  @Property({ type: 'integer' })
  position!: number;

  @Enum({ items: () => ORDER_STATUSES })
  status!: OrderStatus;

  @Property({ type: 'timestamptz' })
  at!: Date;

  /** The user who made the change; null when the system did (automatic approval, ERP update). */
  @Property({ type: 'uuid', nullable: true })
  byUserId: string | null = null;

  /** The approver's comment or the reason of a rejection or cancellation. */
  @Property({ type: 'text', nullable: true })
  comment: string | null = null;
}

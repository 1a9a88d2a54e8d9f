import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export const RESERVATION_STATUSES = ['RESERVED', 'RELEASED', 'SHIPPED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/**
 * One order's claim on stock, as a whole: the row that makes reserving, releasing and shipping
 * idempotent by order id. Each call locks it first, so calls for one order run one after the other.
 * A release that arrives before any reservation (a compensation after a timeout) leaves a RELEASED
 * row, so a late reservation for that order is refused instead of taking stock nobody will ship.
 * The order lives in the orders subgraph: `orderId` and `dealerId` are plain ids, not foreign keys.
 */
@Entity({ tableName: 'order_reservation' })
export class OrderReservation {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'dealerId';

  @PrimaryKey({ type: 'uuid' })
  orderId!: string;

  /** Null for a release that came before any reservation. */
  @Property({ type: 'uuid', nullable: true })
  dealerId: string | null = null;

  @Enum({ items: () => RESERVATION_STATUSES })
  status!: ReservationStatus;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An order released before it ever had a hold: the workflow's compensation after a placeHold that
 * timed out may arrive before that placeHold does. This row makes the late placeHold answer RELEASED
 * instead of holding credit for an order that is over. The order lives in the orders subgraph.
 */
@Entity({ tableName: 'released_order' })
export class ReleasedOrder {
  @PrimaryKey({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'timestamptz' })
  releasedAt!: Date;
}

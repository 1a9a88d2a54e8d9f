import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A dealer's ordering rules kept by orders: the minimum order amount and what happens below it. */
@Entity({ tableName: 'dealer_order_policy' })
export class DealerOrderPolicy {
  /** The dealer (owned by the dealers subgraph). */
  @PrimaryKey({ type: 'uuid' })
  dealerId!: string;

  /** Minor units; 0: no minimum. */
  @Property({ type: new BigIntType('number') })
  minimumAmount!: number;

  /** REFUSE: placeOrder answers BELOW_MINIMUM_ORDER; APPROVAL: a SALES_REP (level 1) decides. */
  @Property({ type: 'text' })
  belowMinimum!: 'REFUSE' | 'APPROVAL';
}

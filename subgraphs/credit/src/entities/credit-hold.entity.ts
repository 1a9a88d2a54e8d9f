import { BigIntType, Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export const HOLD_STATUSES = ['ACTIVE', 'RELEASED', 'INVOICED'] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

/**
 * Credit reserved for an approved order until it is invoiced (INVOICED) or cancelled (RELEASED).
 * The sum of ACTIVE holds is the dealer's `pendingOrders`. One hold per order: the unique order id
 * makes placing a hold idempotent. The (dealer_id, status) index serves lookups by dealer and the
 * sum of active holds.
 */
@Entity({ tableName: 'credit_hold' })
@Index({ properties: ['dealerId', 'status'] })
export class CreditHold {
  [OptionalProps]?: 'status' | 'createdAt' | 'releasedAt' | 'amountToPay';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  dealerId!: string;

  @Property({ type: 'uuid', unique: true })
  orderId!: string;

  /** Cents. */
  @Property({ type: new BigIntType('number') })
  amount!: number;

  /** A prepay hold (PAYMENT_REQUIRED): what the dealer pays up front before the order proceeds, in cents; 0 for any other hold. */
  @Property({ type: new BigIntType('number'), default: 0 })
  amountToPay: number = 0;

  @Enum({ items: () => HOLD_STATUSES, default: 'ACTIVE' })
  status: HoldStatus = 'ACTIVE';

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null = null;
}
